namespace Jamsostek.LocalHost.App;

/// <summary>
/// A function app as the host sees it: the script root, host.json and every function folder that loaded.
/// <paramref name="Errors"/> names the functions that are in error (as the Functions host reports them: the rest of
/// the app runs), e.g. a binding naming a <c>%Setting%</c> that is not defined.
/// </summary>
public sealed record FunctionApp(string ScriptRoot, HostConfiguration Host, IReadOnlyList<FunctionDefinition> Functions, IReadOnlyList<string>? Errors = null)
{
    public FunctionDefinition? Find(string name) =>
        Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
