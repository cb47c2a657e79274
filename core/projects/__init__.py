"""Municipal high-value patent cultivation projects (seed 000, 渝知发〔2024〕67号): the rules,
the records, the forms and the command line. See docs/projects.md."""
