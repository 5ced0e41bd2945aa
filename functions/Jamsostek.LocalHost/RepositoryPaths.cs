using System.Reflection;

namespace Jamsostek.LocalHost;

/// <summary>Paths fixed at build time, so the local host works from any current directory.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = Metadata("JamsostekRepositoryRoot");

    /// <summary>The app's build output: host.json, function folders and the handler executable.</summary>
    public static string FunctionAppOutput { get; } = Metadata("JamsostekFunctionAppOutput");

    public static string Samples => Path.Combine(Root, "samples");

    private static string Metadata(string key) =>
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing; build through the project file.");
}
