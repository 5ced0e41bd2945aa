using System.Net;
using System.Net.Sockets;
using System.Text;
using Jamsostek.Functions.PublishDigest;
using MimeKit;

namespace Jamsostek.Functions.Tests.Digest;

/// <summary>
/// The digest run keeps one SMTP connection for all its emails. A server that closes it between two of them (an
/// idle timeout, a restart) must not cost an official their digest: the send is made again on a fresh connection.
/// </summary>
public sealed class SmtpSessionTests
{
    [Fact]
    public async Task ConnectionClosedByTheServerBetweenTwoDigestsIsOpenedAgainAndTheSecondDigestGoes()
    {
        await using var server = new OneMessagePerConnectionSmtpServer();
        var session = new SmtpSession(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None, TimeoutSeconds = 10 });
        await using (session)
        {
            await session.SendAsync(Message("bupati.sbd@example.go.id"), CancellationToken.None);
            await server.FirstConnectionClosed;
            await session.SendAsync(Message("kadisnaker.sbd@example.go.id"), CancellationToken.None);
        }

        Assert.Equal(["bupati.sbd@example.go.id", "kadisnaker.sbd@example.go.id"], server.Recipients);
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task ServerThatRefusesARecipientFailsThatDigestWithoutSendingItTwice()
    {
        await using var server = new OneMessagePerConnectionSmtpServer { RefuseRecipient = "hilang@example.go.id" };
        await using var session = new SmtpSession(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None, TimeoutSeconds = 10 });

        await Assert.ThrowsAsync<MailKit.Net.Smtp.SmtpCommandException>(() => session.SendAsync(Message("hilang@example.go.id"), CancellationToken.None));

        Assert.Empty(server.Recipients);
        Assert.Equal(1, server.Connections);
    }

    private static MimeMessage Message(string to)
    {
        var message = new MimeMessage { Subject = "Ringkasan", Body = new TextPart("plain") { Text = "isi" } };
        message.From.Add(MailboxAddress.Parse("ringkasan@jamsostek.example.go.id"));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }

    /// <summary>
    /// Just enough SMTP for MailKit: every connection takes one message and is then closed by the server without a
    /// word, as an idle timeout closes it.
    /// </summary>
    private sealed class OneMessagePerConnectionSmtpServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly TaskCompletionSource _firstClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Task _serving;
        private int _connections;

        public OneMessagePerConnectionSmtpServer()
        {
            _listener.Start();
            _serving = ServeAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public string? RefuseRecipient { get; init; }

        public List<string> Recipients { get; } = [];

        public int Connections => Volatile.Read(ref _connections);

        public Task FirstConnectionClosed => _firstClosed.Task;

        private async Task ServeAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var socket = await _listener.AcceptTcpClientAsync(_stop.Token);
                    Interlocked.Increment(ref _connections);
                    await ConverseAsync(socket.GetStream());
                    _firstClosed.TrySetResult();
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        private async Task ConverseAsync(NetworkStream stream)
        {
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 test ESMTP");
            string? recipient = null;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (command)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 test");
                        break;
                    case "MAIL":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        recipient = line[(line.IndexOf('<') + 1)..line.IndexOf('>')];
                        await writer.WriteLineAsync(recipient == RefuseRecipient ? "550 5.1.1 No such user" : "250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 Go ahead");
                        while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".")
                        {
                        }
                        lock (Recipients)
                        {
                            Recipients.Add(recipient!);
                        }
                        await writer.WriteLineAsync("250 Queued");
                        // One message, then the connection goes quiet and the server drops it.
                        return;
                    case "RSET" or "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Not implemented");
                        break;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _serving;
            _stop.Dispose();
        }
    }
}
