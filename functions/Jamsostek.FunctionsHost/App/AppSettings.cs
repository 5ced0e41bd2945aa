using System.Text.RegularExpressions;

namespace Jamsostek.FunctionsHost.App;

/// <summary>
/// The app settings the host and the worker see: local.settings.json Values, overridden by the
/// process environment (as Core Tools does), overridden by explicit values (tests).
/// </summary>
public sealed partial class AppSettings
{
    public const string StorageConnection = "AzureWebJobsStorage";

    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, string> _connectionStrings;

    public AppSettings(LocalSettings? localSettings, IEnumerable<KeyValuePair<string, string?>> environment, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        _values = new(StringComparer.OrdinalIgnoreCase);
        _connectionStrings = new(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in localSettings?.Values ?? [])
        {
            Set(key, value);
        }
        foreach (var (key, value) in localSettings?.ConnectionStrings ?? [])
        {
            if (value is not null)
            {
                _connectionStrings[key] = value;
            }
        }
        foreach (var (key, value) in environment)
        {
            Set(key, value);
        }
        foreach (var (key, value) in overrides ?? [])
        {
            Set(key, value);
        }
    }

    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>local.settings.json ConnectionStrings.</summary>
    public IReadOnlyDictionary<string, string> ConnectionStrings => _connectionStrings;

    public string? this[string name] => _values.GetValueOrDefault(name);

    /// <summary>Replaces every <c>%Setting%</c> in a binding property, as the host's binding expressions do.</summary>
    public string Expand(string template, string functionName) =>
        SettingReference().Replace(template, match =>
            _values.TryGetValue(match.Groups[1].Value, out var value)
                ? value
                : throw new UnresolvedSettingException(
                    $"Function {functionName} is in error: the setting '{match.Groups[1].Value}' named in '{template}' is not defined."));

    /// <summary>A binding's "connection": the setting itself, or AzureWebJobs{Name}; empty means AzureWebJobsStorage.</summary>
    public string ConnectionString(string connection)
    {
        var name = string.IsNullOrEmpty(connection) ? StorageConnection : connection;
        return _values.GetValueOrDefault(name)
            ?? _values.GetValueOrDefault("AzureWebJobs" + name)
            ?? _connectionStrings.GetValueOrDefault(name)
            ?? throw new FunctionAppException($"The storage connection setting '{name}' is not defined.");
    }

    /// <summary>AzureWebJobs.{Name}.Disabled (on Linux also AzureWebJobs__{Name}__Disabled) set to true or 1.</summary>
    public bool IsDisabled(string functionName) =>
        IsTrue($"AzureWebJobs.{functionName}.Disabled") || IsTrue($"AzureWebJobs__{functionName}__Disabled");

    public bool IsTrue(string name) =>
        _values.TryGetValue(name, out var value) && (bool.TryParse(value, out var flag) ? flag : value == "1");

    private void Set(string key, string? value)
    {
        if (value is null)
        {
            _values.Remove(key);
        }
        else
        {
            _values[key] = value;
        }
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingReference();
}
