using Jamsostek.Functions.Api;
using Jamsostek.Functions.CustomHandler;
using Jamsostek.Functions.Health;
using Jamsostek.Functions.Portal;
using Jamsostek.Functions.IngestUpload;
using Jamsostek.Functions.PublishDigest;
using Jamsostek.Functions.ReprocessUpload;
using Jamsostek.Functions.Storage;
using Jamsostek.Functions.ValidateChunk;

var builder = WebApplication.CreateSlimBuilder(args);

builder.UseCustomHandlerPort();
builder.AddStorageClients();
builder.AddHealth();
builder.Services.AddProblemDetails();
builder.Services.AddSingleton<IngestServices>();
builder.AddValidation();
builder.AddReprocessUpload();
builder.AddApi();
builder.AddDigest();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapHealthApi();
app.MapIngestUpload();
app.MapValidateChunk();
app.MapReprocessUpload();
app.MapApi();
app.MapDigest();
app.MapPortal();

app.Run();

/// <summary>Visible to tests that host the handler in-process.</summary>
public partial class Program;
