namespace Jamsostek.LocalHost;

/// <summary>The start command's arguments: <c>[--script-root &lt;folder&gt;] [--port &lt;n&gt;] [--verbose] [--log-folder &lt;folder&gt;]</c>.</summary>
internal sealed record StartOptions(string ScriptRoot, int? Port, bool Verbose, string LogFolder)
{
    public const string Usage = "[--script-root <folder with host.json>] [--port <n>] [--verbose] [--log-folder <folder>]";

    /// <summary>Where the log files go unless <c>--log-folder</c> says otherwise (git-ignored).</summary>
    public static string DefaultLogFolder => Path.Combine(RepositoryPaths.Root, ".localhost", "logs");

    /// <summary>The options, or null (with the reason in <paramref name="error"/>) when an argument is not understood.</summary>
    public static StartOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new StartOptions(RepositoryPaths.FunctionAppOutput, Port: null, Verbose: false, DefaultLogFolder);
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--script-root" when i + 1 < args.Count:
                    options = options with { ScriptRoot = Path.GetFullPath(args[++i]) };
                    break;
                case "--port" when i + 1 < args.Count && int.TryParse(args[i + 1], out var port):
                    options = options with { Port = port };
                    i++;
                    break;
                case "--verbose":
                    options = options with { Verbose = true };
                    break;
                case "--log-folder" when i + 1 < args.Count:
                    options = options with { LogFolder = Path.GetFullPath(args[++i]) };
                    break;
                default:
                    error = $"Unknown argument '{args[i]}'. Usage: {Usage}";
                    return null;
            }
        }
        return options;
    }
}
