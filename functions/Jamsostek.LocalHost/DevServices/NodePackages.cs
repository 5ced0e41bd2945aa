using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Jamsostek.LocalHost.DevServices;

/// <summary>The repository's npm packages: installed with `npm ci` (the lock file's exact versions) when missing.</summary>
internal static class NodePackages
{
    public const string Node = "node";

    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>The full path of a file inside node_modules, installing the packages first if it is not there.</summary>
    public static async Task<string> EnsureInstalledAsync(string repositoryRoot, string relativePath, ILogger logger, CancellationToken cancellationToken)
    {
        var path = Path.Combine(repositoryRoot, "node_modules", relativePath);
        if (File.Exists(path))
        {
            return path;
        }
        await InstallGate.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(path))
            {
                DevServicesLog.Installing(logger, repositoryRoot);
                await RunNpmCiAsync(repositoryRoot, cancellationToken);
            }
        }
        finally
        {
            InstallGate.Release();
        }
        return File.Exists(path)
            ? path
            : throw new DevServiceException($"`npm ci` finished but {path} is still missing; check package.json.");
    }

    private static async Task RunNpmCiAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("npm")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            startInfo.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new DevServiceException("npm did not start.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new DevServiceException("Node.js and npm are needed to run Azurite and MailDev: install Node.js 20 or later.");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new DevServiceException($"`npm ci` in {repositoryRoot} failed (exit {process.ExitCode}):{Environment.NewLine}{await errors}{await output}");
            }
        }
    }
}
