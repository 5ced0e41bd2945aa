namespace Jamsostek.LocalHost.App;

/// <summary>A function app as the host sees it: the script root, host.json and every function folder.</summary>
public sealed record FunctionApp(string ScriptRoot, HostConfiguration Host, IReadOnlyList<FunctionDefinition> Functions)
{
    public FunctionDefinition? Find(string name) =>
        Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
