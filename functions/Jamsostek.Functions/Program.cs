using Jamsostek.Functions.CustomHandler;
using Jamsostek.Functions.Health;
using Jamsostek.Functions.Storage;

var builder = WebApplication.CreateSlimBuilder(args);

builder.UseCustomHandlerPort();
builder.AddStorageClients();
builder.AddHealth();
builder.Services.AddProblemDetails();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapHealthApi();

app.Run();

/// <summary>Visible to tests that host the handler in-process.</summary>
public partial class Program;
