"""Printed documents (official A4 forms) produced as PDF with reportlab."""
