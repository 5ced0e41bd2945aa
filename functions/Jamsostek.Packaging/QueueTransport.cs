namespace Jamsostek.Packaging;

/// <summary>What carries the app's work queues: Storage queues (the default) or Service Bus queues.</summary>
public enum QueueTransport
{
    StorageQueue,
    ServiceBus,
}
