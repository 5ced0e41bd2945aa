namespace Jamsostek.FunctionsHost.App;

/// <summary>
/// A function app as the host runs it: the script root, host.json, the worker that serves it, and every function the
/// worker indexed. <paramref name="Errors"/> names the functions that are in error (as the Functions host reports them:
/// the rest of the app runs), e.g. a binding naming a <c>%Setting%</c> that is not defined.
/// </summary>
public sealed record FunctionApp(string ScriptRoot, HostConfiguration Host, WorkerDescription Worker, IReadOnlyList<FunctionDefinition> Functions,
    IReadOnlyList<string> Errors)
{
    public FunctionDefinition? Find(string name) =>
        Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
