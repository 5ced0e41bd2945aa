using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Jamsostek.Functions.Memory;

public static class MemoryRegistration
{
    /// <summary>Trims the worker's memory when it goes idle after invocations (see <see cref="MemoryTrimmer"/>).</summary>
    public static FunctionsApplicationBuilder AddMemoryTrimming(this FunctionsApplicationBuilder builder)
    {
        builder.Services.AddSingleton<InvocationActivity>();
        builder.Services.AddSingleton<InvocationActivityMiddleware>();
        builder.Services.AddHostedService<MemoryTrimmer>();
        builder.UseMiddleware<InvocationActivityMiddleware>();
        return builder;
    }
}
