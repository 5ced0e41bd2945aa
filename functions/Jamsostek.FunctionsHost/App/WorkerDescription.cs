using System.Text.Json.Nodes;

namespace Jamsostek.FunctionsHost.App;

/// <summary>
/// worker.config.json beside the app, as the Functions host reads it: what to start (the executable and the worker
/// file it is given, <c>{WorkerRoot}</c> being the app folder), and whether the worker indexes its own functions.
/// </summary>
public sealed record WorkerDescription(string Language, string ExecutablePath, string? WorkerPath, IReadOnlyList<string> Arguments, bool WorkerIndexing)
{
    public const string FileName = "worker.config.json";

    public static WorkerDescription Load(string scriptRoot)
    {
        var path = Path.Combine(scriptRoot, FileName);
        if (!File.Exists(path))
        {
            throw new FunctionAppException(
                $"No {FileName} in {scriptRoot}: the app is not a built Functions worker (build or publish it with Microsoft.Azure.Functions.Worker.Sdk).");
        }
        var description = JsonFiles.Child(JsonFiles.ReadObject(path), "description")
            ?? throw new FunctionAppException($"{path} has no \"description\".");
        var language = JsonFiles.Text(description, "language") ?? throw new FunctionAppException($"{path}: description has no \"language\".");
        var executable = JsonFiles.Text(description, "defaultExecutablePath")
            ?? throw new FunctionAppException($"{path}: description has no \"defaultExecutablePath\".");
        var worker = JsonFiles.Text(description, "defaultWorkerPath");
        var arguments = JsonFiles.Get(description, "arguments") is JsonArray list ? list.Select(a => a!.GetValue<string>()).ToList() : [];
        return new WorkerDescription(
            language,
            Resolve(executable, scriptRoot, isExecutable: true),
            worker is null ? null : Resolve(worker, scriptRoot, isExecutable: false),
            arguments,
            string.Equals(JsonFiles.Text(description, "workerIndexing"), "true", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// <c>{WorkerRoot}</c> is the app folder; a relative worker file is relative to it; a bare executable name
    /// (<c>dotnet</c>) is looked up on the PATH when the process starts.
    /// </summary>
    private static string Resolve(string path, string scriptRoot, bool isExecutable)
    {
        var root = scriptRoot.EndsWith(Path.DirectorySeparatorChar) ? scriptRoot : scriptRoot + Path.DirectorySeparatorChar;
        var replaced = path.Replace("{WorkerRoot}", root, StringComparison.OrdinalIgnoreCase);
        if (Path.IsPathRooted(replaced) || (isExecutable && !replaced.Contains('/') && !replaced.Contains('\\')))
        {
            return replaced;
        }
        return Path.GetFullPath(Path.Combine(scriptRoot, replaced));
    }
}
