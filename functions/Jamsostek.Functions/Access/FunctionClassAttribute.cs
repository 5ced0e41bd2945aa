using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.Access;

/// <summary>Whether the class of the invoked function carries an attribute: decided once per function and attribute.</summary>
internal static class FunctionClassAttribute<TAttribute> where TAttribute : Attribute
{
    private static readonly ConcurrentDictionary<string, bool> Marked = new(StringComparer.Ordinal);

    public static bool IsOn(FunctionContext context) =>
        Marked.GetOrAdd(context.FunctionDefinition.EntryPoint, static entryPoint =>
        {
            var typeName = entryPoint[..entryPoint.LastIndexOf('.')];
            return typeof(FunctionClassAttribute<TAttribute>).Assembly.GetType(typeName)?.GetCustomAttribute<TAttribute>() is not null;
        });
}
