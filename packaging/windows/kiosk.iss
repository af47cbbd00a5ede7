; Inno Setup script for the kiosk on Windows 10/11 (64-bit).
; NOT BUILT OR TESTED IN CI: it needs Windows, Inno Setup 6 and VLC 3.0 (64-bit). See packaging/README.md.
;   1. On Windows, in the checkout: py -3.11 -m venv .venv; .venv\Scripts\pip install -e .[package] tzdata
;   2. .venv\Scripts\pyinstaller --noconfirm packaging\pyinstaller\kiosk.spec
;      (takes libvlc.dll, libvlccore.dll and the listed plugins from C:\Program Files\VideoLAN\VLC,
;       or from KIOSK_VLC_DIR)
;   3. .venv\Scripts\python packaging\licences\gather.py dist\kiosk build\kiosk\bundle-manifest.json
;      .venv\Scripts\python packaging\licences\sbom.py dist\kiosk dist\kiosk-setup-<version>.cdx.json
;      (the licences of everything bundled into dist\kiosk\licenses, and the bill of materials)
;   4. "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\kiosk.iss
;      -> dist\kiosk-setup-<version>.exe

#define AppVersion GetEnv("KIOSK_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif
#define Bundle "..\..\dist\kiosk"
#define Staff "{commonappdata}\kiosk\exhibition"

[Setup]
AppId={{6F1B8E2A-4C3D-4E59-9A51-7D2C0B3E8F10}
AppName=Exhibition kiosk
AppVersion={#AppVersion}
AppPublisher=kiosk maintainers
DefaultDirName={autopf}\kiosk
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
OutputDir=..\..\dist
OutputBaseFilename=kiosk-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
UninstallDisplayIcon={app}\kiosk.exe
; The licences page the installer shows before anything is installed (what is inside, under which
; terms, and the GPL's written offer of the source); the full texts go in {app}\licenses.
LicenseFile={#Bundle}\licenses\README.txt
InfoBeforeFile={#Bundle}\licenses\SOURCES.txt

[Tasks]
Name: autostart; Description: "Start the kiosk when anyone logs in (the kiosk's autologin account)"

[Files]
; The PyInstaller bundle: Python, Qt, libvlc.dll, libvlccore.dll and VLC's plugins in _internal\vlc\plugins,
; and licenses\ (every component's licence, the copyright record, the source offer).
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; The staff's copy of the exhibition: first install only, never replaced by an upgrade, kept on uninstall.
Source: "{#Bundle}\_internal\config\*"; DestDir: "{#Staff}\config"; Flags: onlyifdoesntexist uninsneveruninstall recursesubdirs
Source: "{#Bundle}\_internal\media\*"; DestDir: "{#Staff}\media"; Flags: onlyifdoesntexist uninsneveruninstall recursesubdirs createallsubdirs

[Dirs]
; Staff edit the exhibition without administrator rights.
Name: "{#Staff}"; Permissions: users-modify; Flags: uninsneveruninstall

[Icons]
Name: "{autoprograms}\Exhibition kiosk"; Filename: "{app}\kiosk.exe"; Parameters: "run ""{#Staff}\config\exhibition.yaml"""
Name: "{autoprograms}\Kiosk licences"; Filename: "{app}\licenses\README.txt"
Name: "{autoprograms}\Kiosk doctor"; Filename: "{cmd}"; Parameters: "/k ""{app}\kiosk-console.exe"" doctor ""{#Staff}\config\exhibition.yaml"""
; Autostart: --supervise restarts the kiosk within seconds if it dies (no systemd on Windows).
Name: "{commonstartup}\Exhibition kiosk"; Filename: "{app}\kiosk.exe"; Parameters: "run --supervise ""{#Staff}\config\exhibition.yaml"""; Tasks: autostart

[Run]
Filename: "{app}\kiosk-console.exe"; Parameters: "validate ""{#Staff}\config\exhibition.yaml"""; Flags: runhidden; StatusMsg: "Checking the exhibition..."
