using Jamsostek.FunctionsHost.Rpc;

namespace Jamsostek.FunctionsHost.Worker;

/// <summary>What a trigger hands the worker: the input bindings (the trigger's value first) and the trigger metadata.</summary>
public sealed record InvocationInputs(IReadOnlyList<ParameterBinding> Data, IReadOnlyDictionary<string, TypedData> Metadata)
{
    public static InvocationInputs Of(string bindingName, TypedData value, IReadOnlyDictionary<string, TypedData>? metadata = null) =>
        new([new ParameterBinding { Name = bindingName, Data = value }], metadata ?? new Dictionary<string, TypedData>());
}

/// <summary>How one invocation ended: the worker's output bindings and return value, or why it failed.</summary>
public sealed record InvocationResult(bool Succeeded, IReadOnlyDictionary<string, TypedData> Outputs, TypedData? ReturnValue, string? Failure)
{
    public static InvocationResult Failed(string reason) => new(false, new Dictionary<string, TypedData>(), null, reason);
}
