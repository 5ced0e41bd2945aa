using System.Reflection;

namespace Jamsostek.Deploy.Tests;

/// <summary>Paths fixed at build time: the repository, the function app's build output and the Bicep CLI from the restored package.</summary>
internal static class Paths
{
    public static string Root { get; } = Metadata("JamsostekRepositoryRoot");

    public static string Infra => Path.Combine(Root, "infra");

    public static string MainTemplate => Path.Combine(Infra, "main.bicep");

    /// <summary>
    /// The app's build output, the folder the Functions host loads (a publish folder has the same files):
    /// functions.metadata, host.json, worker.config.json, extensions.json and .azurefunctions/. The project reference
    /// builds it before the tests, in the same configuration.
    /// </summary>
    public static string FunctionApp { get; } = Metadata("JamsostekFunctionAppOutput");

    /// <summary>The package's props write the path with Windows separators.</summary>
    public static string Bicep { get; } = Path.GetFullPath(Metadata("BicepPath").Replace('\\', '/'));

    private static string Metadata(string key) =>
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing; build through the project file.");
}
