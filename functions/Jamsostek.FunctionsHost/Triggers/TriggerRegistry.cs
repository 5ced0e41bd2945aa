using Jamsostek.FunctionsHost.App;
using Jamsostek.FunctionsHost.Worker;

namespace Jamsostek.FunctionsHost.Triggers;

/// <summary>The non-HTTP triggers this host runs, so the admin API can run any of them now.</summary>
internal sealed class TriggerRegistry
{
    private readonly Dictionary<string, Func<string?, CancellationToken, Task<InvocationResult>>> _runNow = new(StringComparer.OrdinalIgnoreCase);

    public List<ITriggerListener> Listeners { get; } = [];

    public void AddRunNow(FunctionDefinition function, Func<string?, CancellationToken, Task<InvocationResult>> run) => _runNow[function.Name] = run;

    public Func<string?, CancellationToken, Task<InvocationResult>>? RunNow(string functionName) => _runNow.GetValueOrDefault(functionName);
}
