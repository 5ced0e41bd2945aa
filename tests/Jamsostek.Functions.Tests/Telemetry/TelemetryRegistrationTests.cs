using Jamsostek.Functions.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Jamsostek.Functions.Tests.Telemetry;

/// <summary>Telemetry goes to Application Insights only when the app is given a connection string; without one nothing is set up.</summary>
public sealed class TelemetryRegistrationTests
{
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/";

    [Fact]
    public void WithoutAConnectionStringNoTelemetryPipelineExists()
    {
        using var services = Services([]);

        Assert.Null(services.GetService<TracerProvider>());
        Assert.Null(services.GetService<MeterProvider>());
        Assert.Null(services.GetService<LoggerProvider>());
    }

    [Fact]
    public void WithAConnectionStringTracesMetricsAndLogsAreExported()
    {
        using var services = Services(new() { [TelemetryRegistration.ConnectionStringSetting] = ConnectionString });

        Assert.NotNull(services.GetService<TracerProvider>());
        Assert.NotNull(services.GetService<MeterProvider>());
        Assert.NotNull(services.GetService<LoggerProvider>());
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTelemetry();
        return builder.Services.BuildServiceProvider();
    }
}
