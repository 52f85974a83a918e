; Inno Setup 6 script: a per-user install of the one-folder build, needing no admin rights.
;
; Build dist\coplanner\ first (docs\building.md), then from the checkout:
;   iscc /DAppVersion=0.1.0 installer\windows\coplanner.iss
; which writes dist\coplanner-0.1.0-windows-x64-setup.exe.
;
; Silent install and removal for IT (docs\installing.md):
;   coplanner-0.1.0-windows-x64-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LOG="%TEMP%\coplanner-setup.log"
;   "%LOCALAPPDATA%\Programs\Coproduction Planner\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;
; Plans (.coplan files) are never in the install folder, so the uninstaller cannot touch them.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Coproduction Planner"
#define AppExe "coplannerw.exe"
#define ProgId "CoproductionPlanner.Plan"
#define Root "..\.."

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{62209278-0781-45F8-AEAB-049F56B10713}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Coproduction Planner
VersionInfoVersion={#AppVersion}
; Per-user by default: {autopf} is %LOCALAPPDATA%\Programs and registry writes go to HKCU.
; IT may still install for all users with /ALLUSERS (needs admin) from the command line.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
CloseApplications=yes
RestartApplications=no
SetupIconFile={#Root}\resources\icons\coplanner.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
OutputDir={#Root}\dist
OutputBaseFilename=coplanner-{#AppVersion}-windows-x64-setup

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder build: coplanner.exe (command line), coplannerw.exe (the window), _internal\.
Source: "{#Root}\dist\coplanner\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle whole, so no file of an older version lingers in it.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Plan public services with the people who use them"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; The .coplan file type, per user (HKA is HKCU in a per-user install, HKLM with /ALLUSERS).
Root: HKA; Subkey: "Software\Classes\.coplan"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.coplan"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-coplan"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.coplan\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Coproduction plan"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\_internal\resources\icons\coplanner-document.ico"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".coplan"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; Nothing under [UninstallDelete]: the uninstaller removes only the files it installed and the
; file type above. Plans live wherever officers saved them (usually a network share), and the
; app's preferences (HKCU\Software\Coproduction Planner) are left for a reinstall.
