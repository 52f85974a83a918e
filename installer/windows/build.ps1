# Build the Windows installer: the one-folder bundle with PyInstaller, then Inno Setup 6.
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
#
# Needs Python 3.11+ (the py launcher) and Inno Setup 6 (iscc.exe). Writes dist\coplanner\
# and dist\coplanner-VERSION-windows-x64-setup.exe.
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root

if (-not (Test-Path ".venv\Scripts\python.exe")) {
    py -3 -m venv .venv
    if ($LASTEXITCODE) { throw "could not create .venv" }
}
$Python = Join-Path $Root ".venv\Scripts\python.exe"
& $Python -m pip install --quiet --upgrade pip
& $Python -m pip install --quiet -e ".[dist]"
if ($LASTEXITCODE) { throw "pip install failed" }

$Version = (& $Python -c "import planner; print(planner.__version__)").Trim()
$Started = Get-Date
& $Python -m PyInstaller --noconfirm --clean --log-level WARN `
    --distpath dist --workpath build\pyinstaller installer\coplanner.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }
$Seconds = [int]((Get-Date) - $Started).TotalSeconds
$SizeMB = [int]((Get-ChildItem dist\coplanner -Recurse -File | Measure-Object Length -Sum).Sum / 1MB)
Write-Host "Built dist\coplanner in $Seconds s, $SizeMB MB"
& dist\coplanner\coplanner.exe --version
if ($LASTEXITCODE) { throw "the bundle does not start" }

$Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
foreach ($Candidate in @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
                         "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
                         "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe")) {
    if (-not $Iscc -and (Test-Path $Candidate)) { $Iscc = $Candidate }
}
if (-not $Iscc) { throw "Inno Setup 6 not found: install it, or put iscc.exe on PATH" }
& $Iscc "/DAppVersion=$Version" installer\windows\coplanner.iss
if ($LASTEXITCODE) { throw "Inno Setup failed" }
Write-Host "Wrote dist\coplanner-$Version-windows-x64-setup.exe"
