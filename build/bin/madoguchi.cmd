@echo off
rem The `madoguchi` command of the installed app (its folder is on PATH after install): the app's own executable
rem runs the command line, because the binary is fused not to run as Node. A batch file waits for it and passes
rem its exit code on.
"%~dp0..\..\Madoguchi.exe" --cli %*
exit /b %ERRORLEVEL%
