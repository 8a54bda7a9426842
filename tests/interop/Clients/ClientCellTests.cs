using System.Diagnostics;
using Capteur.Interop.Tests.Matrix;

namespace Capteur.Interop.Tests.Clients;

/// <summary>
/// The seven cells of one client against `capteur broker`, one test method each, each with its own broker so one
/// cell's failure cannot hide another's. Every cell is recorded in the matrix (table <c>clients</c>); a client that is
/// not installed fails every cell saying how to install it, never a silent skip.
/// </summary>
/// <param name="slug">Which client (see <see cref="ClientPeers.Get"/>).</param>
public abstract class ClientCellTests(string slug)
{
    /// <summary>MSTest's context, for the measured detail of passing cells.</summary>
    public TestContext TestContext { get; set; } = null!;

    /// <summary>Column "QoS 0".</summary>
    [TestMethod]
    [TestCategory("cheap")]
    public Task QoS_0_messages_reach_a_second_instance_in_order_at_qos_0() => RunAsync("QoS 0", cell => ClientChecks.QosAsync(cell, 0));

    /// <summary>Column "QoS 1".</summary>
    [TestMethod]
    [TestCategory("cheap")]
    public Task QoS_1_messages_arrive_in_order_live_and_in_a_persistent_session_that_was_offline() => RunAsync("QoS 1", cell => ClientChecks.QosAsync(cell, 1));

    /// <summary>Column "QoS 2".</summary>
    [TestMethod]
    [TestCategory("cheap")]
    public Task QoS_2_messages_arrive_in_order_live_and_in_a_persistent_session_that_was_offline() => RunAsync("QoS 2", cell => ClientChecks.QosAsync(cell, 2));

    /// <summary>Column "retained".</summary>
    [TestMethod]
    [TestCategory("cheap")]
    public Task Retained_message_reaches_a_late_subscriber_and_an_empty_payload_clears_it() => RunAsync("retained", ClientChecks.RetainedAsync);

    /// <summary>Column "will".</summary>
    [TestMethod]
    [TestCategory("cheap")]
    public Task Will_is_published_when_the_client_is_killed_and_not_after_a_clean_disconnect() => RunAsync("will", ClientChecks.WillAsync);

    /// <summary>Column "wildcards".</summary>
    [TestMethod]
    [TestCategory("cheap")]
    public Task Wildcard_filters_match_exactly_and_hash_does_not_match_sys_topics() => RunAsync("wildcards", ClientChecks.WildcardsAsync, sysTopics: true);

    /// <summary>Column "MQTT 5".</summary>
    [TestMethod]
    [TestCategory("cheap")]
    public Task Mqtt_5_properties_reason_codes_and_message_expiry_work_end_to_end() => RunAsync("MQTT 5", ClientChecks.Mqtt5Async);

    private async Task RunAsync(string column, Func<CellContext, Task<string>> check, bool sysTopics = false)
    {
        IClientPeer peer = ClientPeers.Get(slug);
        var watch = Stopwatch.StartNew();
        CellOutcome outcome = CellOutcome.Fail;
        string detail;
        string evidence = "";
        CellContext? cell = null;
        try
        {
            if (peer.Unavailable is { } unavailable)
            {
                throw new CellFailedException(unavailable);
            }

            cell = CellContext.Start(peer, sysTopics);
            detail = await check(cell);
            outcome = CellOutcome.Pass;
        }
        catch (CellFailedException e)
        {
            detail = e.Message;
        }
        catch (Exception e)
        {
            detail = $"{e.GetType().Name}: {e.Message.Split('\n')[0]}";
            evidence = "\n" + e;
        }
        finally
        {
            if (cell is not null)
            {
                evidence = cell.Evidence() + evidence;
                await cell.DisposeAsync();
            }
        }

        if (!CellContext.AgainstMosquitto)
        {
            InteropMatrix.Record("clients", peer.Row, column, outcome, detail, watch.Elapsed);
        }

        TestContext.WriteLine($"{peer.Row} | {column} | {outcome} | {detail} | {watch.Elapsed.TotalSeconds:F1} s");
        if (outcome != CellOutcome.Pass)
        {
            Assert.Fail($"{peer.Row} | {column}: {detail}\n{evidence}");
        }
    }
}
