# The Windows build PC's ./dev: the same steps, for PowerShell 5.1 (Windows 10/11) or 7.
#   powershell -ExecutionPolicy Bypass -File dev.ps1 test     lint, type-check, whole test suite
#   powershell -ExecutionPolicy Bypass -File dev.ps1 bundle   build dist\ipdesk-<version>\ and self-test it
# Other commands: setup | lint | demo | i18n
# Needs CPython 3.11 from python.org (the "py" launcher) and, once, internet for pip.
# Not run on the Linux development machine (it has no PowerShell); ./dev is the reference.
# Saved as UTF-8 with a BOM: Windows PowerShell 5.1 reads a file without one in the ANSI code
# page, which would garble the Chinese messages.

param(
    [Parameter(Position = 0)][string]$Command = "help",
    [Parameter(Position = 1, ValueFromRemainingArguments = $true)][string[]]$Rest = @()
)

$ErrorActionPreference = "Stop"
Set-Location -LiteralPath $PSScriptRoot

$Venv = ".venv"
$Py = Join-Path $Venv "Scripts\python.exe"

function Say([string]$Text) { Write-Host "[dev] $Text" }

# A native program's failure does not stop PowerShell 5.1: check every exit code.
function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') 失败（退出码 $LASTEXITCODE）" }
}

function Invoke-Setup {
    if (-not (Test-Path -LiteralPath $Py)) {
        Say "创建虚拟环境 $Venv"
        Invoke-Checked "py" @("-3.11", "-m", "venv", $Venv)
    }
    # Reinstall only when the dependency list or the pinned versions changed.
    $stamp = Join-Path $Venv ".ipdesk-installed"
    [byte[]]$bytes = [System.IO.File]::ReadAllBytes((Resolve-Path "pyproject.toml").Path) +
        [System.IO.File]::ReadAllBytes((Resolve-Path "constraints.txt").Path)
    $sha = [System.Security.Cryptography.SHA256]::Create()
    $want = -join ($sha.ComputeHash($bytes) | ForEach-Object { $_.ToString("x2") })
    $have = if (Test-Path -LiteralPath $stamp) { (Get-Content -LiteralPath $stamp -Raw).Trim() } else { "" }
    if ($have -ne $want) {
        Say "安装依赖（pip install -e .[test,dev,postgres]，版本按 constraints.txt）"
        # PIP_CONSTRAINT also reaches pip's isolated build of the package, pinning setuptools.
        $env:PIP_CONSTRAINT = (Resolve-Path "constraints.txt").Path
        Invoke-Checked $Py @("-m", "pip", "install", "-q", "--upgrade", "pip")
        Invoke-Checked $Py @("-m", "pip", "install", "-q", "-e", ".[test,dev,postgres]")
        Remove-Item Env:PIP_CONSTRAINT
        Set-Content -LiteralPath $stamp -Value $want -Encoding ascii
    }
}

function Invoke-Lint {
    Invoke-Checked (Join-Path $Venv "Scripts\ruff.exe") @("check", ".")
    Invoke-Checked (Join-Path $Venv "Scripts\ruff.exe") @("format", "--check", ".")
    Invoke-Checked (Join-Path $Venv "Scripts\mypy.exe") @()
}

function Invoke-Tests([string[]]$Arguments) {
    $env:QT_QPA_PLATFORM = "offscreen"
    & $Py -m pytest @Arguments
    $rc = $LASTEXITCODE
    # pytest exits 5 when it collected no tests: that is a failure here, never green.
    if ($rc -eq 5) { throw "pytest 没有运行任何测试：视为失败" }
    if ($rc -ne 0) { exit $rc }
}

switch ($Command) {
    "setup" { Invoke-Setup }
    "lint" { Invoke-Setup; Invoke-Lint }
    "test" { Invoke-Setup; Invoke-Lint; Invoke-Tests $Rest }
    "demo" { Invoke-Setup; Invoke-Checked $Py (@("-m", "desktop.app", "--demo") + $Rest) }
    "i18n" { Invoke-Setup; Invoke-Checked $Py (@("tools\update_translations.py") + $Rest) }
    "bundle" { Invoke-Setup; Invoke-Checked $Py (@("tools\build_bundle.py") + $Rest) }
    default {
        Get-Content -LiteralPath $PSCommandPath -TotalCount 5 | ForEach-Object { $_ -replace "^# ?", "" }
        if ($Command -ne "help") { exit 2 }
    }
}
