; Inno Setup script: the Windows installer for the one-folder PyInstaller build.
; Build on Windows after `pyinstaller --noconfirm packaging\kzcomplaint.spec`:
;   iscc packaging\kzcomplaint.iss
; The installer is dist\kzcomplaint-setup.exe.

#define AppName "kzcomplaint"
#define AppVersion GetEnv("KZCOMPLAINT_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C3E2F8B-1D4A-4E55-9F3B-2A7D0B9C4E11}
AppName={#AppName}
AppVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
OutputDir=..\dist
OutputBaseFilename=kzcomplaint-setup
SetupIconFile=kzcomplaint.ico
Compression=lzma2
SolidCompression=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern

[Languages]
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\kzcomplaint\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\kzcomplaint.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\kzcomplaint.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\kzcomplaint.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
