#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Collections;
using Capteur.Node.Engine;
using Capteur.Node.Ports;
using Capteur.Node.Tests.Support;

namespace Capteur.Node.Tests.Engine
{
    [TestClass]
    public class NodeEngineTests
    {
        private const string ReadingTopic = "maison/salon/temperature";
        private const string StatusTopic = "maison/salon/status";

        private static PublishedMessage Reading(NodeRig rig, int index)
        {
            return (PublishedMessage)rig.Link.On(ReadingTopic)[index];
        }

        private static int SeqOf(PublishedMessage message)
        {
            int start = message.Payload.IndexOf("\"seq\":") + 6;
            int end = message.Payload.IndexOf(',', start);
            return int.Parse(message.Payload.Substring(start, end - start));
        }

        [TestMethod]
        public void The_session_carries_an_offline_will_and_opens_with_a_retained_online()
        {
            NodeRig rig = new NodeRig(true);
            rig.Boot();
            rig.Step();
            MqttConnectOptions connect = (MqttConnectOptions)rig.Link.Connects[0];
            Assert.AreEqual(StatusTopic, connect.WillTopic);
            Assert.AreEqual("offline", connect.WillMessage);
            Assert.IsTrue(connect.WillRetain);
            Assert.AreEqual(1, connect.WillQos);
            Assert.AreEqual("salon", connect.ClientId);
            PublishedMessage birth = (PublishedMessage)rig.Link.Published[0];
            Assert.AreEqual(StatusTopic, birth.Topic);
            Assert.AreEqual("online", birth.Payload);
            Assert.IsTrue(birth.Retain);
            Assert.AreEqual(NodeState.Online, rig.Engine.State);
        }

        [TestMethod]
        public void Readings_are_published_at_qos_1_as_json_with_seq_and_time()
        {
            NodeRig rig = new NodeRig(true);
            rig.Boot();
            rig.Run(2500, 100);
            Assert.AreEqual(3, rig.Link.On(ReadingTopic).Count);
            PublishedMessage first = Reading(rig, 0);
            Assert.AreEqual("{\"value\":21.00,\"unit\":\"°C\",\"seq\":1,\"ts\":\"2026-11-22T10:00:00.000Z\"}", first.Payload);
            Assert.AreEqual(1, first.Qos);
            Assert.IsFalse(first.Retain);
            Assert.AreEqual("{\"value\":21.50,\"unit\":\"°C\",\"seq\":3,\"ts\":\"2026-11-22T10:00:02.000Z\"}", Reading(rig, 2).Payload);
        }

        [TestMethod]
        public void Plain_format_publishes_the_number_alone()
        {
            NodeRig rig = new NodeRig(true);
            rig.Options.Json = false;
            rig.Boot();
            rig.Run(1500, 100);
            Assert.AreEqual("21.00", Reading(rig, 0).Payload);
            Assert.AreEqual("21.25", Reading(rig, 1).Payload);
        }

        [TestMethod]
        public void Readings_leave_the_outbox_only_when_acknowledged()
        {
            NodeRig rig = new NodeRig(true);
            rig.Boot();
            rig.Run(3000, 100);
            Assert.AreEqual(3, rig.Engine.Outbox.Count);
            rig.Link.AcknowledgeAll();
            rig.Engine.NetworkTick();
            Assert.AreEqual(0, rig.Engine.Outbox.Count);
        }

        [TestMethod]
        public void A_link_drop_with_a_full_window_in_flight_loses_nothing()
        {
            NodeRig rig = new NodeRig(true);
            rig.Boot();
            rig.Run(6000, 100);
            Assert.AreEqual(4, rig.Engine.Outbox.InFlight);
            Assert.AreEqual(6, rig.Engine.Outbox.Count);
            rig.Link.Drop();
            rig.Step();
            Assert.AreEqual(NodeState.Backoff, rig.Engine.State);
            Assert.AreEqual(0, rig.Engine.Outbox.InFlight);
            rig.Run(3000, 100);
            Assert.AreEqual(NodeState.Online, rig.Engine.State);
            for (int i = 0; i < 5; i++)
            {
                rig.Link.AcknowledgeAll();
                rig.Engine.NetworkTick();
            }

            Assert.AreEqual(0, rig.Engine.Outbox.Count);
            bool[] seen = new bool[16];
            foreach (PublishedMessage message in rig.Link.On(ReadingTopic))
            {
                seen[SeqOf(message)] = true;
            }

            for (int seq = 1; seq <= 9; seq++)
            {
                Assert.IsTrue(seen[seq]);
            }

            Assert.AreEqual(4L, rig.Engine.Outbox.Resent);
        }

        [TestMethod]
        public void A_refused_publish_is_sent_again_after_a_pause()
        {
            NodeRig rig = new NodeRig(true);
            rig.Boot();
            rig.Run(100, 100);
            Assert.AreEqual(1, rig.Link.On(ReadingTopic).Count);
            rig.Link.RefuseAll();
            rig.Step();
            Assert.AreEqual(1, rig.Link.On(ReadingTopic).Count);
            rig.Clock.Advance(1000);
            rig.Step();
            Assert.AreEqual(SeqOf(Reading(rig, 0)), SeqOf(Reading(rig, 1)));
            Assert.AreEqual(1L, rig.Engine.Outbox.Resent);
        }

        [TestMethod]
        public void A_window_refused_at_once_pauses_once_not_once_per_publish()
        {
            NodeRig rig = new NodeRig(true);
            rig.Boot();
            rig.Run(4000, 100);
            Assert.AreEqual(4, rig.Link.On(ReadingTopic).Count);
            Assert.AreEqual(5, rig.Link.RefuseAll()); // the window of 4 readings and the retained online status
            rig.Step();
            Assert.AreEqual(4, rig.Link.On(ReadingTopic).Count);
            rig.Clock.Advance(1000);
            rig.Step();
            Assert.AreEqual(8, rig.Link.On(ReadingTopic).Count);
            for (int i = 0; i < 4; i++)
            {
                Assert.AreEqual(SeqOf(Reading(rig, i)), SeqOf(Reading(rig, 4 + i)));
            }
        }

        [TestMethod]
        public void A_lost_acknowledgement_is_given_up_after_the_timeout_and_the_reading_sent_again()
        {
            NodeRig rig = new NodeRig(true);
            rig.Options.InfoIntervalS = 0;
            rig.Boot();
            rig.Run(100, 100);
            rig.Link.LoseAllAnswers();
            for (int second = 0; second < 30; second++)
            {
                // the broker goes on acknowledging the later readings: only seq 1's acknowledgement was lost
                rig.Run(1000, 1000);
                rig.Link.AcknowledgeAll();
            }

            rig.Clock.Advance(100);
            rig.Step();
            int sent = 0;
            foreach (PublishedMessage message in rig.Link.On(ReadingTopic))
            {
                sent += SeqOf(message) == 1 ? 1 : 0;
            }

            Assert.AreEqual(2, sent);
            Assert.AreEqual(1, rig.Link.Connects.Count);
            Assert.IsNotNull(rig.Log.Find("acknowledgements never came"));
        }

        [TestMethod]
        public void A_broker_that_acknowledges_nothing_for_the_ack_timeout_is_dropped_and_the_next_in_the_list_gets_the_readings()
        {
            NodeRig rig = new NodeRig(true);
            rig.Options.Hosts = new string[] { "broker-a", "broker-b" };
            rig.Options.Ports = new int[] { 1883, 1884 };
            rig.Options.InfoIntervalS = 0;
            rig.Boot();
            rig.Run(2000, 100);
            rig.Link.AcknowledgeAll();
            rig.Run(29900, 100);
            Assert.AreEqual(NodeState.Online, rig.Engine.State);
            // broker-a took readings since and answered none for 30 s: a hung broker behind a live TCP connection
            rig.Run(300, 100);
            Assert.AreEqual("WARN mqtt: broker-a:1883 acknowledged nothing for 30 s; dropping the connection", rig.Log.Find("acknowledged nothing"));
            Assert.AreEqual(NodeState.Backoff, rig.Engine.State);
            Assert.IsFalse(rig.Link.IsConnected);
            Assert.IsTrue(rig.Engine.Outbox.Count >= 30);
            int before = rig.Link.Published.Count;

            // a hung broker does not answer a new CONNECT either
            rig.Link.Reachable = false;
            rig.Clock.Advance(rig.Engine.RetryAtMs - rig.Clock.UptimeMs);
            rig.Engine.NetworkTick();
            rig.Engine.NetworkTick();
            rig.Link.Reachable = true;
            rig.Clock.Advance(rig.Engine.RetryAtMs - rig.Clock.UptimeMs);
            rig.Engine.NetworkTick();
            rig.Engine.NetworkTick();
            Assert.AreEqual(NodeState.Online, rig.Engine.State);
            Assert.AreEqual(3, rig.Link.Connects.Count);
            Assert.AreEqual("broker-a", ((MqttConnectOptions)rig.Link.Connects[1]).Host);
            Assert.AreEqual("broker-b", ((MqttConnectOptions)rig.Link.Connects[2]).Host);
            // b gets the readings from the oldest a never acknowledged (seq 1 and 2 were), then all of them
            PublishedMessage first = null;
            for (int i = before; i < rig.Link.Published.Count && first == null; i++)
            {
                PublishedMessage message = (PublishedMessage)rig.Link.Published[i];
                first = message.Topic == ReadingTopic ? message : null;
            }

            Assert.AreEqual(3, SeqOf(first));
            for (int round = 0; round < 20 && rig.Engine.Outbox.Count > 0; round++)
            {
                rig.Link.AcknowledgeAll();
                rig.Engine.NetworkTick();
            }

            Assert.AreEqual(0, rig.Engine.Outbox.Count);
        }

        [TestMethod]
        public void A_link_that_gives_up_on_every_publish_for_the_ack_timeout_is_dropped()
        {
            NodeRig rig = new NodeRig(true);
            rig.Options.InfoIntervalS = 0;
            rig.Boot();
            rig.Run(2000, 100);
            rig.Link.AcknowledgeAll();
            for (int second = 0; second < 29; second++)
            {
                // what M2Mqtt reports when its own retries got no PUBACK
                rig.Run(1000, 1000);
                rig.Link.RefuseAll();
            }

            Assert.AreEqual(NodeState.Online, rig.Engine.State);
            rig.Run(1100, 100);
            Assert.IsNotNull(rig.Log.Find("acknowledged nothing for 30 s; dropping the connection"));
            Assert.AreEqual(NodeState.Backoff, rig.Engine.State);
        }

        [TestMethod]
        public void Reconnect_delays_double_with_jitter_up_to_the_cap_and_reset_after_a_success()
        {
            NodeRig rig = new NodeRig(true);
            rig.Link.Reachable = false;
            rig.Boot();
            long nominal = 1000;
            for (int attempt = 0; attempt < 10; attempt++)
            {
                rig.Engine.NetworkTick();
                Assert.AreEqual(NodeState.Backoff, rig.Engine.State);
                long delay = rig.Engine.RetryAtMs - rig.Clock.UptimeMs;
                long expected = nominal > 120000 ? 120000 : nominal;
                Assert.IsTrue(delay >= expected * 8 / 10 || delay == 1000);
                Assert.IsTrue(delay <= expected * 12 / 10 && delay <= 120000);
                rig.Clock.Advance(delay);
                rig.Engine.NetworkTick();
                nominal *= 2;
            }

            rig.Link.Reachable = true;
            rig.Engine.NetworkTick();
            Assert.AreEqual(NodeState.Online, rig.Engine.State);
            rig.Link.Drop();
            rig.Engine.NetworkTick();
            Assert.IsTrue(rig.Engine.RetryAtMs - rig.Clock.UptimeMs <= 1200);
        }

        [TestMethod]
        public void Sampling_goes_on_while_offline_and_an_overflow_drops_the_oldest_with_an_exact_count()
        {
            NodeRig rig = new NodeRig(true);
            rig.Options.OutboxCapacity = 10;
            rig.Link.Reachable = false;
            rig.Boot();
            rig.Run(25000, 100);
            Assert.AreEqual(25L, rig.Engine.Sampled);
            Assert.AreEqual(10, rig.Engine.Outbox.Count);
            Assert.AreEqual(15L, rig.Engine.Outbox.Dropped);
            Assert.AreEqual("WARN outbox full (10 readings): oldest dropped, 1 dropped so far", rig.Log.Find("outbox full"));
            Assert.AreEqual(16L, rig.Engine.Outbox.SeqOf(rig.Engine.Outbox.NextToSend()));
        }

        [TestMethod]
        public void Readings_taken_before_the_clock_is_set_are_held_then_published_with_their_real_time()
        {
            NodeRig rig = new NodeRig(false);
            rig.Boot();
            rig.Run(3000, 100);
            Assert.AreEqual(0, rig.Link.On(ReadingTopic).Count);
            // SNTP sets the clock at uptime 3 s to 10:00:03
            rig.Clock.SetWallClock(NodeRig.WallStart.AddSeconds(3));
            rig.Step();
            Assert.AreEqual("{\"value\":21.00,\"unit\":\"°C\",\"seq\":1,\"ts\":\"2026-11-22T10:00:00.000Z\"}", Reading(rig, 0).Payload);
            Assert.AreEqual("{\"value\":21.50,\"unit\":\"°C\",\"seq\":3,\"ts\":\"2026-11-22T10:00:02.000Z\"}", Reading(rig, 2).Payload);
            foreach (PublishedMessage message in rig.Link.On(ReadingTopic))
            {
                Assert.AreEqual(-1, message.Payload.IndexOf("1970"));
            }
        }

        [TestMethod]
        public void A_reboot_resends_what_was_not_acknowledged_and_numbering_goes_on()
        {
            NodeRig rig = new NodeRig(true);
            rig.Link.Reachable = false;
            rig.Boot();
            rig.Run(5000, 100);
            Assert.AreEqual(5, rig.Engine.Outbox.Count);

            rig.Link.Reachable = true;
            rig.Boot();
            rig.Step();
            Assert.AreEqual(4, rig.Link.On(ReadingTopic).Count);
            Assert.AreEqual(1, SeqOf(Reading(rig, 0)));
            Assert.AreEqual(4, SeqOf(Reading(rig, 3)));
            rig.Link.AcknowledgeAll();
            rig.Clock.Advance(1000);
            rig.Step();
            Assert.AreEqual(5, SeqOf(Reading(rig, 4)));
            Assert.AreEqual(6, SeqOf(Reading(rig, 5)));
        }

        [TestMethod]
        public void A_broker_that_cannot_be_reached_sends_the_node_to_the_next_in_its_list()
        {
            NodeRig rig = new NodeRig(true);
            rig.Options.Hosts = new string[] { "broker-a", "broker-b" };
            rig.Options.Ports = new int[] { 1883, 1884 };
            rig.Link.Reachable = false;
            rig.Boot();
            rig.Engine.NetworkTick();
            rig.Link.Reachable = true;
            rig.Clock.Advance(rig.Engine.RetryAtMs - rig.Clock.UptimeMs);
            rig.Engine.NetworkTick();
            rig.Engine.NetworkTick();
            Assert.AreEqual("broker-a", ((MqttConnectOptions)rig.Link.Connects[0]).Host);
            Assert.AreEqual("broker-b", ((MqttConnectOptions)rig.Link.Connects[1]).Host);
            Assert.AreEqual(1884, ((MqttConnectOptions)rig.Link.Connects[1]).Port);
            Assert.AreEqual(NodeState.Online, rig.Engine.State);
        }

        [TestMethod]
        public void The_info_message_reports_outbox_depth_dropped_and_resent()
        {
            NodeRig rig = new NodeRig(true);
            rig.Options.InfoIntervalS = 60;
            rig.Options.Version = "1.2.3";
            rig.Boot();
            rig.Run(2000, 100);
            PublishedMessage info = (PublishedMessage)rig.Link.On("maison/salon/info")[0];
            Assert.AreEqual("{\"version\":\"1.2.3\",\"uptime_s\":0,\"rssi\":0,\"free_bytes\":0,\"outbox\":1,\"dropped\":0,\"resent\":0,\"state\":\"online\"}", info.Payload);
            Assert.AreEqual(1, info.Qos);
        }

        [TestMethod]
        public void Each_connection_announces_the_sensors_to_Home_Assistant_retained_when_asked()
        {
            NodeRig rig = new NodeRig(true);
            rig.Options.HomeAssistant = true;
            rig.Boot();
            rig.Step();
            ArrayList configs = rig.Link.On("homeassistant/sensor/maison_salon_temperature/config");
            Assert.AreEqual(1, configs.Count);
            PublishedMessage config = (PublishedMessage)configs[0];
            Assert.IsTrue(config.Retain);
            Assert.AreEqual(1, config.Qos);
            rig.Link.Drop();
            rig.Run(3000, 100);
            Assert.AreEqual(2, rig.Link.On("homeassistant/sensor/maison_salon_temperature/config").Count);
        }

        [TestMethod]
        public void No_discovery_message_is_sent_when_it_is_off()
        {
            NodeRig rig = new NodeRig(true);
            rig.Boot();
            rig.Step();
            Assert.AreEqual(0, rig.Link.On("homeassistant/sensor/maison_salon_temperature/config").Count);
        }

        [TestMethod]
        public void A_node_with_wifi_joins_it_first_and_backs_off_when_it_cannot()
        {
            NodeRig rig = new NodeRig(true);
            rig.Options.WifiSsid = "maison";
            rig.Boot();
            FakeWifi wifi = new FakeWifi();
            wifi.InRange = false;
            rig.Engine = new NodeEngine(rig.Options, rig.Clock, wifi, rig.Link, new Capteur.Node.Outbox.OutboxJournal(rig.Flash, rig.Log, 0, 512),
                new Capteur.Node.Outbox.ReadingOutbox(10, 4, 1), new ISensorChannel[] { rig.Sensor }, null, rig.Log, 1);
            Assert.AreEqual(NodeState.WifiConnecting, rig.Engine.State);
            rig.Engine.NetworkTick();
            Assert.AreEqual(NodeState.Backoff, rig.Engine.State);
            Assert.AreEqual(0, rig.Link.Connects.Count);
            wifi.InRange = true;
            rig.Clock.Advance(2000);
            rig.Engine.NetworkTick();
            rig.Engine.NetworkTick();
            rig.Engine.NetworkTick();
            Assert.AreEqual(NodeState.Online, rig.Engine.State);
            Assert.AreEqual(2, wifi.Attempts);
        }
    }
}
