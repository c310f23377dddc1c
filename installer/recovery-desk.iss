; Inno Setup script: a per-user Windows installer around the one-folder bundle.
; Build on Windows after `make installer` (docs/packaging.md):
;   iscc /DAppVersion=0.1.0 installer\recovery-desk.iss
; It needs no administrator: the program goes to the person's own program folder,
; the Start menu gets an entry, and the uninstaller removes the program only.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Recovery Desk"
#define AppExe "recovery-desk.exe"
; The data folder the program itself uses (platformdirs.user_data_dir("recovery-desk")):
; the database, its backups and logs. Keep in step with db/location.py APP_NAME.
#define DataFolder "{localappdata}\recovery-desk"

[Setup]
AppId={{6B2F4C1E-3D7A-4E59-9C8B-2A1F0E7D5C43}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per user: {autopf} is %LOCALAPPDATA%\Programs, no elevation is asked.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\dist
OutputBaseFilename=recovery-desk-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "..\dist\recovery-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Dirs]
; Created here so it exists from the start; never removed by the uninstaller, so
; uninstalling (or installing a new version) keeps every record and backup.
Name: "{#DataFolder}"; Flags: uninsneveruninstall

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
; The practice agency of made-up clients the first-run setup can make.
Name: "{group}\{#AppName} (practice)"; Filename: "{app}\{#AppExe}"; Parameters: "--practice"; WorkingDir: "{app}"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\{#AppExe}"; Description: "Start {#AppName}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder; the data folder above is not listed and stays.
Type: filesandordirs; Name: "{app}"

[Messages]
ConfirmUninstall=Remove %1? The database, its backups and logs (the recovery-desk folder in AppData\Local) are kept; delete that folder yourself if the agency no longer needs them.
