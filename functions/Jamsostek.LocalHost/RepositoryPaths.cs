using System.Reflection;

namespace Jamsostek.LocalHost;

/// <summary>Paths fixed at build time, so the local host works from any current directory.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = Metadata("JamsostekRepositoryRoot");

    /// <summary>
    /// The app's build output: host.json, worker.config.json, functions.metadata and the worker. When the environment
    /// variable <c>JAMSOSTEK_FUNCTION_APP</c> names a folder, that folder instead: CI points it at the app as published
    /// for Azure, so every test that runs the app runs what is deployed.
    /// </summary>
    public static string FunctionAppOutput { get; } = Environment.GetEnvironmentVariable("JAMSOSTEK_FUNCTION_APP") is { Length: > 0 } published
        ? Path.GetFullPath(published)
        : Metadata("JamsostekFunctionAppOutput");

    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>
    /// A path as the start command prints it: relative to the repository root when it lies below it (<c>samples</c>,
    /// <c>.localhost/logs/...</c>: README's commands run there; `dotnet run` itself runs the command in its project
    /// folder), otherwise as given.
    /// </summary>
    public static string Display(string path)
    {
        if (!Path.IsPathFullyQualified(path))
        {
            return path;
        }
        var relative = Path.GetRelativePath(Root, path);
        return relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathFullyQualified(relative)
            ? path
            : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    private static string Metadata(string key) =>
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing; build through the project file.");
}
