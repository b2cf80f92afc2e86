; Included by electron-builder's NSIS script (electron-builder.yml → nsis.include). Per-machine install.
; What it adds, and why (README "Installing on a counter PC"):
; - %ProgramData%\Madoguchi\data (where the app makes its data folder, data\station) and logs, which every Windows user
;   of the counter PC may write, inherited by what the app makes inside (the database is encrypted; the venue
;   passphrase or the OS key slot opens it). config.json beside them names another data folder; only administrators
;   may change it. `/DATADIR=D:\madoguchi` on the installer's command line makes that folder so, and the data folder
;   D:\madoguchi\station in it.
; - the `madoguchi` command (resources\bin\madoguchi.cmd) on the machine's PATH. PATH is edited by PowerShell from
;   the registry's unexpanded value: NSIS's own strings would cut a long PATH at 1024 characters.
; - uninstall takes the command off PATH and leaves the data folder, config and logs where they are.
!include "FileFunc.nsh"

!macro customInstall
  SetShellVarContext all
  CreateDirectory "$APPDATA\Madoguchi\data"
  CreateDirectory "$APPDATA\Madoguchi\logs"
  ; The Madoguchi folder (config.json): administrators and SYSTEM change it, users only read it (without this a
  ; user could create config.json, as ProgramData lets anyone create files).
  nsExec::ExecToLog 'icacls "$APPDATA\Madoguchi" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX'
  ; data and logs: BUILTIN\Users (S-1-5-32-545) modify, inherited by what the app makes inside.
  nsExec::ExecToLog 'icacls "$APPDATA\Madoguchi\data" /grant *S-1-5-32-545:(OI)(CI)M'
  nsExec::ExecToLog 'icacls "$APPDATA\Madoguchi\logs" /grant *S-1-5-32-545:(OI)(CI)M'
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/DATADIR=" $R1
  ${IfNot} ${Errors}
    nsExec::ExecToLog `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "New-Item -ItemType Directory -Force -Path '$R1' | Out-Null; icacls '$R1' /grant '*S-1-5-32-545:(OI)(CI)M' | Out-Null; @{ dataDir = '$R1\station' } | ConvertTo-Json | Set-Content -Encoding UTF8 -Path '$APPDATA\Madoguchi\config.json'"`
  ${EndIf}
  nsExec::ExecToLog `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "$$k = 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager\Environment'; $$d = '$INSTDIR\resources\bin'; $$p = (Get-Item $$k).GetValue('Path', '', 'DoNotExpandEnvironmentNames'); if (($$p -split ';') -notcontains $$d) { Set-ItemProperty -Path $$k -Name Path -Type ExpandString -Value ($$p.TrimEnd(';') + ';' + $$d) }"`
  ; WM_SETTINGCHANGE to every window, so a command prompt opened from now on finds `madoguchi`.
  SendMessage 0xFFFF 0x001A 0 "STR:Environment" /TIMEOUT=5000
!macroend

!macro customUnInstall
  nsExec::ExecToLog `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "$$k = 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager\Environment'; $$d = '$INSTDIR\resources\bin'; $$p = (Get-Item $$k).GetValue('Path', '', 'DoNotExpandEnvironmentNames'); Set-ItemProperty -Path $$k -Name Path -Type ExpandString -Value ((($$p -split ';') | Where-Object { $$_ -ne $$d -and $$_ -ne '' }) -join ';')"`
  SendMessage 0xFFFF 0x001A 0 "STR:Environment" /TIMEOUT=5000
!macroend
