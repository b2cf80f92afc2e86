; Included by electron-builder's NSIS script (electron-builder.yml → nsis.include). Per-machine install, into
; Program Files only (its folder goes on PATH: a folder users may write must never be there).
; What it adds, and why (README "The installed app (counter PCs)"):
; - %ProgramData%\Madoguchi\data (where the app makes its data folder, data\station) and logs, which every Windows user
;   of the counter PC may write, inherited by what the app makes inside (the database is encrypted; the venue
;   passphrase or the OS key slot opens it). config.json beside them names another data folder; only administrators
;   may change it. `/DATADIR=D:\madoguchi` on the installer's command line makes that folder so, and the data folder
;   D:\madoguchi\station in it.
; - the `madoguchi` command (resources\bin\madoguchi.cmd) on the machine's PATH. PATH is edited by PowerShell from
;   the registry's unexpanded value: NSIS's own strings would cut a long PATH at 1024 characters.
; - uninstall takes the command off PATH and leaves the data folder, config and logs where they are.
; A step that fails (PowerShell blocked by policy, icacls refused) is said, never passed over in silence.
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!macro madoguchiStep what
  Pop $0
  ${If} $0 != 0
    MessageBox MB_OK|MB_ICONEXCLAMATION "窓口 Madoguchi: ${what} ができませんでした（終了コード $0）。システム管理者に連絡してください（README「The installed app」）。" /SD IDOK
  ${EndIf}
!macroend

!macro customInstall
  SetShellVarContext all
  CreateDirectory "$APPDATA\Madoguchi\data"
  CreateDirectory "$APPDATA\Madoguchi\logs"
  ; The Madoguchi folder (config.json): administrators and SYSTEM change it, users only read it (without this a
  ; user could create config.json, as ProgramData lets anyone create files).
  nsExec::ExecToLog 'icacls "$APPDATA\Madoguchi" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX'
  !insertmacro madoguchiStep "設定フォルダの権限の設定"
  ; data and logs: BUILTIN\Users (S-1-5-32-545) modify, inherited by what the app makes inside.
  nsExec::ExecToLog 'icacls "$APPDATA\Madoguchi\data" /grant *S-1-5-32-545:(OI)(CI)M'
  !insertmacro madoguchiStep "データフォルダの権限の設定"
  nsExec::ExecToLog 'icacls "$APPDATA\Madoguchi\logs" /grant *S-1-5-32-545:(OI)(CI)M'
  !insertmacro madoguchiStep "ログフォルダの権限の設定"
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/DATADIR=" $R1
  ${IfNot} ${Errors}
    nsExec::ExecToLog `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "$$ErrorActionPreference = 'Stop'; New-Item -ItemType Directory -Force -Path '$R1' | Out-Null; icacls '$R1' /grant '*S-1-5-32-545:(OI)(CI)M' | Out-Null; if ($$LASTEXITCODE) { exit 1 }; @{ dataDir = '$R1\station' } | ConvertTo-Json | Set-Content -Encoding UTF8 -Path '$APPDATA\Madoguchi\config.json'"`
    !insertmacro madoguchiStep "/DATADIR のフォルダと config.json の作成"
  ${EndIf}
  nsExec::ExecToLog `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "$$ErrorActionPreference = 'Stop'; $$k = 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager\Environment'; $$d = '$INSTDIR\resources\bin'; $$p = (Get-Item $$k).GetValue('Path', '', 'DoNotExpandEnvironmentNames'); if (-not $$p) { exit 1 }; if (($$p -split ';') -notcontains $$d) { Set-ItemProperty -Path $$k -Name Path -Type ExpandString -Value ($$p.TrimEnd(';') + ';' + $$d) }"`
  !insertmacro madoguchiStep "madoguchi コマンドの PATH への追加"
  ; WM_SETTINGCHANGE to every window, so a command prompt opened from now on finds `madoguchi`.
  SendMessage 0xFFFF 0x001A 0 "STR:Environment" /TIMEOUT=5000
!macroend

!macro customUnInstall
  ; PATH is written back only when it was read (an empty read must never empty the machine's PATH).
  nsExec::ExecToLog `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "$$ErrorActionPreference = 'Stop'; $$k = 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager\Environment'; $$d = '$INSTDIR\resources\bin'; $$p = (Get-Item $$k).GetValue('Path', '', 'DoNotExpandEnvironmentNames'); if (-not $$p) { exit 1 }; $$kept = (($$p -split ';') | Where-Object { $$_ -ne $$d -and $$_ -ne '' }) -join ';'; if ($$kept -ne $$p) { Set-ItemProperty -Path $$k -Name Path -Type ExpandString -Value $$kept }"`
  !insertmacro madoguchiStep "madoguchi コマンドの PATH からの削除"
  SendMessage 0xFFFF 0x001A 0 "STR:Environment" /TIMEOUT=5000
!macroend
