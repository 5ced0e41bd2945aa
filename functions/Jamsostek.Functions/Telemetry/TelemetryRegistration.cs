using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using OpenTelemetry;

namespace Jamsostek.Functions.Telemetry;

public static class TelemetryRegistration
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>
    /// Traces, logs and metrics to Application Insights through OpenTelemetry when the app has a connection string
    /// (host.json's telemetryMode is OpenTelemetry, so the host's and the worker's telemetry join up); without one,
    /// nothing is set up and nothing is sent. With <c>Authorization=AAD</c> the exporter signs in with the app's
    /// managed identity, as the host does.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[ConnectionStringSetting]))
        {
            return builder;
        }
        var aad = builder.Configuration[AuthenticationStringSetting]?.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase) == true;
        var clientId = ClientIdOf(builder.Configuration[AuthenticationStringSetting]);
        builder.Services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = builder.Configuration[ConnectionStringSetting];
                if (aad)
                {
                    options.Credential = clientId is null ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                        : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                }
            });
        return builder;
    }

    /// <summary>"Authorization=AAD;ClientId=..." names a user-assigned identity; without ClientId the system-assigned one signs in.</summary>
    private static string? ClientIdOf(string? authentication) =>
        authentication?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .FirstOrDefault(pair => pair.Length == 2 && pair[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase))?[1];
}
