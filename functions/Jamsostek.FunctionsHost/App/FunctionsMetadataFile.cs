using System.Text.Json.Nodes;
using Jamsostek.FunctionsHost.Rpc;

namespace Jamsostek.FunctionsHost.App;

/// <summary>
/// functions.metadata, the file the worker SDK writes beside the app: what the host indexes itself when the worker
/// asks it to (use_default_metadata_indexing) or does not index (workerIndexing false). Each function gets a new id.
/// </summary>
public static class FunctionsMetadataFile
{
    public const string FileName = "functions.metadata";

    public static IReadOnlyList<RpcFunctionMetadata> Load(string scriptRoot)
    {
        var path = Path.Combine(scriptRoot, FileName);
        if (!File.Exists(path))
        {
            throw new FunctionAppException($"No {FileName} in {scriptRoot}, and the worker does not index its functions.");
        }
        if (JsonNode.Parse(File.ReadAllText(path)) is not JsonArray functions)
        {
            throw new FunctionAppException($"{path} must hold a JSON array.");
        }
        return [.. functions.OfType<JsonObject>().Select(function =>
        {
            var metadata = new RpcFunctionMetadata
            {
                Name = JsonFiles.Text(function, "name") ?? throw new FunctionAppException($"{path}: a function has no \"name\"."),
                ScriptFile = JsonFiles.Text(function, "scriptFile") ?? "",
                EntryPoint = JsonFiles.Text(function, "entryPoint") ?? "",
                Language = JsonFiles.Text(function, "language") ?? "",
                FunctionId = Guid.NewGuid().ToString(),
            };
            if (JsonFiles.Get(function, "bindings") is JsonArray bindings)
            {
                metadata.RawBindings.AddRange(bindings.OfType<JsonObject>().Select(b => b.ToJsonString()));
            }
            return metadata;
        })];
    }
}
