; Inno Setup 6 (6.3 or later) script for the FluenzR Desktop installer on Windows.
;
; Build (from the repository root, after PyInstaller; packaging/README.md has the details):
;   pyinstaller --noconfirm packaging\fluenzr.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\fluenzr.iss
; Signed build (CI): define Signed and give ISCC the "fluenzrsign" sign tool, e.g.
;   iscc /DAppVersion=0.1.0 /DSigned "/Sfluenzrsign=signtool.exe sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /sha1 THUMBPRINT $f" packaging\windows\fluenzr.iss
; The certificate sits in the runner's certificate store (imported from a CI secret), so the
; command names it by thumbprint and no password appears on any command line.
;
; Output: dist\fluenzr-desktop-<version>-windows-x64-setup.exe
;
; A per-user install: no administrator rights, files in
; %LOCALAPPDATA%\Programs\FluenzR Desktop, a Start-menu entry, an optional desktop icon and
; an uninstaller (Settings > Apps). The user's workspace (%LOCALAPPDATA%\FluenzR) is not
; part of the install and survives an uninstall.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\fluenzr.iss
#endif

#define AppName "FluenzR Desktop"
#define AppPublisher "FluenzR"
; The GUI executable: the `name` of the windowed EXE in packaging\fluenzr.spec.
#define AppExeName "fluenzr-desktop.exe"
; ASSUMPTION: packaging\fluenzr.spec collects both executables (fluenzr-desktop.exe and the
; console fluenzr.exe) into one PyInstaller folder named "fluenzr" (COLLECT(..., name="fluenzr")),
; so PyInstaller writes dist\fluenzr\. Keep this in step with the spec (a test checks it).
#define BundleDir "..\..\dist\fluenzr"

[Setup]
; Fixed for the life of the product: Windows recognises upgrades and the uninstaller by it.
AppId={{B7A6BF8F-15AA-47C3-8686-E3F7E417F76E}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
; Per user: no UAC prompt, and nothing outside the user's profile.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
; PyInstaller builds a 64-bit bundle on the windows-2022 runner; Qt 6 needs Windows 10.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=fluenzr-desktop-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\fluenzr.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; An open window holds the bundle's DLLs: ask to close it (Restart Manager) before upgrading.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto
#ifdef Signed
SignTool=fluenzrsign
SignedUninstaller=yes
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: a library the new version no longer ships must not
; linger beside the new ones (PyInstaller keeps them all in _internal).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; signonce signs our two executables with SignTool before they are stored; Inno Setup
; ignores the flag when SignTool is not set (an unsigned build).
Source: "{#BundleDir}\fluenzr-desktop.exe"; DestDir: "{app}"; Flags: ignoreversion signonce
Source: "{#BundleDir}\fluenzr.exe"; DestDir: "{app}"; Flags: ignoreversion signonce
Source: "{#BundleDir}\*"; Excludes: "\fluenzr-desktop.exe,\fluenzr.exe"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent
