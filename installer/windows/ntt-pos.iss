; Inno Setup 6 script of the Windows installer of NTT Mart POS (most tills run Windows).
;
; It packs the PyInstaller bundle dist\ntt-pos\ that `python installer\build.py` writes, and is compiled
; on a Windows machine (Inno Setup runs only there) by .github/workflows/windows-installer.yml:
;     iscc /DAppVersion=0.1.0 installer\windows\ntt-pos.iss   ->  dist\installer\ntt-pos-setup-0.1.0.exe
; On Linux, installer/build.py and tests/packaging/test_inno_script.py check that everything named
; here is in the bundle (installer/inno.py reads this file).
;
; Where things go:
; - the program: {autopf}\NTT Mart POS (C:\Program Files\NTT Mart POS), read-only for the cashier;
; - the till's data (database, backups, logs): the user's data folder that the app itself chooses
;   (platformdirs: %LOCALAPPDATA%\NTT Mart\ntt-pos), never under Program Files. The installer does not
;   create or touch it, and the uninstaller removes only the files it installed, so uninstalling or
;   reinstalling keeps every sale. Remove that folder by hand only after a last backup and sync.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "NTT Mart POS"
#define Bundle "..\..\dist\ntt-pos"

[Setup]
AppId={{5B0D6F2E-3C41-4E8A-9A57-0E6C2D1B7F43}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Dekranasda Provinsi Nusa Tenggara Timur
DefaultDirName={autopf}\NTT Mart POS
DefaultGroupName=NTT Mart POS
DisableProgramGroupPage=yes
OutputDir=..\..\dist\installer
OutputBaseFilename=ntt-pos-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
PrivilegesRequired=admin
WizardStyle=modern
; an update installs over a running till only after it was closed (its cart is parked on close)
CloseApplications=yes
RestartApplications=no
UninstallDisplayIcon={app}\ntt-pos-kasir.exe
UninstallDisplayName={#AppName}

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\NTT Mart POS"; Filename: "{app}\ntt-pos-kasir.exe"; WorkingDir: "{app}"; Comment: "Kasir NTT Mart"
Name: "{autoprograms}\NTT Mart POS (outlet demo)"; Filename: "{app}\ntt-pos-kasir.exe"; Parameters: "--demo"; WorkingDir: "{app}"; Comment: "Latihan kasir pada outlet demo"
; a command prompt in {app}, where `ntt-pos doctor`, `ntt-pos backup` etc. run, for support by phone
Name: "{autoprograms}\NTT Mart POS - perintah (TI)"; Filename: "{cmd}"; Parameters: "/k ntt-pos.exe --version"; WorkingDir: "{app}"; Comment: "Baris perintah ntt-pos untuk dukungan TI"
Name: "{autodesktop}\NTT Mart POS"; Filename: "{app}\ntt-pos-kasir.exe"; WorkingDir: "{app}"; Comment: "Kasir NTT Mart"

[Run]
Filename: "{app}\ntt-pos-kasir.exe"; Description: "Buka NTT Mart POS"; Flags: nowait postinstall skipifsilent runasoriginaluser
