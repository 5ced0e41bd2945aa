using System.Reflection;

namespace Jamsostek.Deploy.Tests;

/// <summary>Paths fixed at build time: the repository and the Bicep CLI from the restored package.</summary>
internal static class Paths
{
    public static string Root { get; } = Metadata("JamsostekRepositoryRoot");

    public static string Infra => Path.Combine(Root, "infra");

    public static string MainTemplate => Path.Combine(Infra, "main.bicep");

    /// <summary>The app's source folder: host.json and one folder per function with its function.json.</summary>
    public static string FunctionApp => Path.Combine(Root, "functions", "Jamsostek.Functions");

    /// <summary>The package's props write the path with Windows separators.</summary>
    public static string Bicep { get; } = Path.GetFullPath(Metadata("BicepPath").Replace('\\', '/'));

    private static string Metadata(string key) =>
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing; build through the project file.");
}
