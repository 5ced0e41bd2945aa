using System.Text;
using System.Text.RegularExpressions;

namespace Jamsostek.FunctionsHost.Triggers;

/// <summary>
/// A blob trigger path like <c>uploads/{region}/{name}</c>: the container, the fixed prefix to list, and
/// the named parts a matching blob name yields. Each part stops at the next literal; the last takes the rest.
/// </summary>
public sealed class BlobPathPattern
{
    private readonly Regex _regex;

    public BlobPathPattern(string path)
    {
        var slash = path.IndexOf('/');
        Container = slash < 0 ? path : path[..slash];
        if (Container.Length == 0 || Container.Contains('{'))
        {
            throw new ArgumentException($"The blob path '{path}' must start with a fixed container name.", nameof(path));
        }
        var blobPattern = slash < 0 ? "" : path[(slash + 1)..];
        var firstParameter = blobPattern.IndexOf('{');
        Prefix = firstParameter < 0 ? blobPattern : blobPattern[..firstParameter];
        var regex = new StringBuilder("^");
        var parameters = Regex.Matches(blobPattern, @"\{([A-Za-z_][A-Za-z0-9_]*)\}");
        var position = 0;
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            regex.Append(Regex.Escape(blobPattern[position..parameter.Index]));
            regex.Append("(?<").Append(parameter.Groups[1].Value).Append(i == parameters.Count - 1 ? ">.+)" : ">.+?)");
            position = parameter.Index + parameter.Length;
        }
        regex.Append(Regex.Escape(blobPattern[position..]));
        // A bare container matches every blob in it.
        regex.Append(parameters.Count == 0 && blobPattern.Length == 0 ? ".*$" : "$");
        _regex = new Regex(regex.ToString(), RegexOptions.CultureInvariant);
        ParameterNames = [.. parameters.Select(p => p.Groups[1].Value)];
    }

    public string Container { get; }

    public string Prefix { get; }

    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>The named parts of a matching blob name, or null when it does not match.</summary>
    public IReadOnlyDictionary<string, string>? Match(string blobName)
    {
        var match = _regex.Match(blobName);
        return match.Success ? ParameterNames.ToDictionary(n => n, n => match.Groups[n].Value) : null;
    }
}
