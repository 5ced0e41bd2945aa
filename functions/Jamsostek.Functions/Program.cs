using Jamsostek.Functions.Api;
using Jamsostek.Functions.Health;
using Jamsostek.Functions.IngestUpload;
using Jamsostek.Functions.Memory;
using Jamsostek.Functions.PublishDigest;
using Jamsostek.Functions.ReprocessUpload;
using Jamsostek.Functions.Storage;
using Jamsostek.Functions.Telemetry;
using Jamsostek.Functions.ValidateChunk;
using Microsoft.Azure.Functions.Worker.Builder;

var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();
builder.AddMemoryTrimming();
builder.UseApiMiddleware();
builder.AddTelemetry();
builder.AddStorageClients();
builder.AddHealth();
builder.AddIngestion();
builder.AddValidation();
builder.AddApi();
builder.AddReprocessUpload();
builder.AddDigest();

builder.Build().Run();
