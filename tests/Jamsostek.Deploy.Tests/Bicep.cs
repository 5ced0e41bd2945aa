using System.Diagnostics;

namespace Jamsostek.Deploy.Tests;

/// <summary>Runs the Bicep CLI of the Azure.Bicep.CommandLine.linux-x64 package.</summary>
internal static class Bicep
{
    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        /// <summary>Diagnostics (warnings, errors) go to standard error; a clean run prints none.</summary>
        public string Diagnostics => Errors.Trim();
    }

    public static async Task<Result> RunAsync(params string[] arguments)
    {
        EnsureExecutable(Paths.Bicep);
        var start = new ProcessStartInfo(Paths.Bicep, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Paths.Infra,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await errors);
    }

    /// <summary>NuGet does not promise to keep a package file's execute bit.</summary>
    private static void EnsureExecutable(string path)
    {
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }
    }
}
