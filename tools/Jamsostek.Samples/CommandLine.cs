namespace Jamsostek.Samples;

public sealed class CommandLineException(string message) : Exception(message);

/// <summary>"--name value" pairs.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _options;

    private CommandLine(Dictionary<string, string> options) => _options = options;

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new CommandLineException($"Expected '--name value' pairs, found '{args[i]}'.");
            }
            if (!options.TryAdd(args[i][2..], args[i + 1]))
            {
                throw new CommandLineException($"'{args[i]}' is given twice.");
            }
        }
        return new CommandLine(options);
    }

    public string? Optional(string name) => _options.GetValueOrDefault(name);

    public string Required(string name) =>
        _options.GetValueOrDefault(name) ?? throw new CommandLineException($"--{name} is missing.");

    public int Number(string name, int? fallback = null)
    {
        var text = _options.GetValueOrDefault(name);
        if (text is null)
        {
            return fallback ?? throw new CommandLineException($"--{name} is missing.");
        }
        return int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new CommandLineException($"--{name} takes a whole number, not '{text}'.");
    }

    public void AllowOnly(params string[] names)
    {
        var unknown = _options.Keys.Except(names).FirstOrDefault();
        if (unknown is not null)
        {
            throw new CommandLineException($"Unknown option --{unknown}.");
        }
    }
}
