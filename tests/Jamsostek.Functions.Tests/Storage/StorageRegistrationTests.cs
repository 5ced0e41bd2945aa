using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Jamsostek.Functions.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jamsostek.Functions.Tests.Storage;

/// <summary>The app's own clients follow the AzureWebJobsStorage setting in both its forms: connection string and identity.</summary>
public sealed class StorageRegistrationTests
{
    private const string DevelopmentStorage = "UseDevelopmentStorage=true";

    [Fact]
    public void ConnectionStringBuildsClientsForThatAccountWithoutACredential()
    {
        using var services = Services(new() { ["AzureWebJobsStorage"] = DevelopmentStorage });

        Assert.Null(services.GetRequiredService<StorageCredential>().Credential);
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", services.GetRequiredService<BlobServiceClient>().Uri.ToString().TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1", services.GetRequiredService<QueueServiceClient>().Uri.ToString().TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", services.GetRequiredService<TableServiceClient>().Uri.ToString().TrimEnd('/'));
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true", true)]
    [InlineData("UseDevelopmentStorage = TRUE ;", true)]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=k==;BlobEndpoint=http://127.0.0.1:41234/devstoreaccount1;QueueEndpoint=http://127.0.0.1:41235/devstoreaccount1;TableEndpoint=http://localhost:41236/devstoreaccount1;", true)]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=k==;BlobEndpoint=http://storage.example.net/devstoreaccount1;", false)]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=k==;EndpointSuffix=core.windows.net", false)]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=stjamsostek;AccountKey=k==;BlobEndpoint=http://127.0.0.1:10000/stjamsostek", false)]
    [InlineData("", false)]
    public void OnlyTheLocalEmulatorCountsAsTheEmulator(string connectionString, bool emulator)
    {
        Assert.Equal(emulator, new StorageOptions { ConnectionString = connectionString }.IsEmulator);
    }

    [Fact]
    public void AccountNameAloneBuildsClientsOnThePublicEndpointsWithDefaultAzureCredential()
    {
        using var services = Services(new() { ["AzureWebJobsStorage__accountName"] = "stjamsostek" });

        Assert.IsType<DefaultAzureCredential>(services.GetRequiredService<StorageCredential>().Credential);
        Assert.Equal("https://stjamsostek.blob.core.windows.net/", services.GetRequiredService<BlobServiceClient>().Uri.ToString());
        Assert.Equal("https://stjamsostek.queue.core.windows.net/", services.GetRequiredService<QueueServiceClient>().Uri.ToString());
        Assert.Equal("https://stjamsostek.table.core.windows.net/", services.GetRequiredService<TableServiceClient>().Uri.ToString());
        Assert.Equal("stjamsostek", services.GetRequiredService<BlobServiceClient>().AccountName);
    }

    [Fact]
    public void ExplicitServiceUrisWinOverTheAccountName()
    {
        using var services = Services(new()
        {
            ["AzureWebJobsStorage__accountName"] = "stjamsostek",
            ["AzureWebJobsStorage__blobServiceUri"] = "https://stother.blob.core.usgovcloudapi.net",
            ["AzureWebJobsStorage__queueServiceUri"] = "https://stother.queue.core.usgovcloudapi.net",
            ["AzureWebJobsStorage__tableServiceUri"] = "https://stother.table.core.usgovcloudapi.net",
        });

        Assert.Equal("https://stother.blob.core.usgovcloudapi.net/", services.GetRequiredService<BlobServiceClient>().Uri.ToString());
        Assert.Equal("https://stother.queue.core.usgovcloudapi.net/", services.GetRequiredService<QueueServiceClient>().Uri.ToString());
        Assert.Equal("https://stother.table.core.usgovcloudapi.net/", services.GetRequiredService<TableServiceClient>().Uri.ToString());
    }

    [Fact]
    public void ManagedIdentityCredentialSettingUsesTheAppsManagedIdentityOnly()
    {
        using var services = Services(new()
        {
            ["AzureWebJobsStorage__accountName"] = "stjamsostek",
            ["AzureWebJobsStorage__credential"] = "managedidentity",
        });

        Assert.IsType<ManagedIdentityCredential>(services.GetRequiredService<StorageCredential>().Credential);
    }

    [Fact]
    public void ConnectionStringWinsOverIdentitySettings()
    {
        using var services = Services(new()
        {
            ["AzureWebJobsStorage"] = DevelopmentStorage,
            ["AzureWebJobsStorage__accountName"] = "stjamsostek",
        });

        Assert.Null(services.GetRequiredService<StorageCredential>().Credential);
        Assert.StartsWith("http://127.0.0.1:10000/", services.GetRequiredService<BlobServiceClient>().Uri.ToString());
    }

    [Fact]
    public void NoStorageSettingFailsWithTheSettingsToSet()
    {
        using var services = Services([]);

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("AzureWebJobsStorage__accountName", ex.Message);
    }

    [Fact]
    public void OnlyTheBlobEndpointIsNotEnough()
    {
        using var services = Services(new() { ["AzureWebJobsStorage__blobServiceUri"] = "https://stjamsostek.blob.core.windows.net" });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
    }

    /// <summary>The settings arrive as environment variables do: "__" is the section separator.</summary>
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings.ToDictionary(pair => pair.Key.Replace("__", ":"), pair => pair.Value));
        builder.AddStorageClients();
        return builder.Services.BuildServiceProvider();
    }
}
