using Capteur.Node.Text;

namespace Capteur.Node.Shell
{
    /// <summary>The output of the commands that report on the running node: <c>status</c>, <c>outbox</c>, <c>read</c>, <c>wifi scan</c>.</summary>
    internal static class ShellNodeReport
    {
        /// <summary><c>status</c>; JSON names as in the node's info message (<c>uptime_s</c>, <c>free_bytes</c>, ...).</summary>
        public static string Status(ShellReply reply, ShellStatus status)
        {
            if (reply.Json)
            {
                JsonWriter json = reply.Ok().Property("state", status.State)
                    .Property("wifi", status.WifiConnected).Property("ip", status.IpAddress).Property("rssi", (long)status.RssiDbm)
                    .Property("mqtt", status.MqttConnected).Property("broker", status.Broker);
                OutboxProperties(json, status);
                json.Property("uptime_s", status.UptimeMs / 1000).Property("free_bytes", status.FreeMemoryBytes)
                    .Property("version", status.Version);
                reply.End(json);
                return null;
            }

            reply.Line("state: " + status.State);
            string rssi = status.RssiDbm == 0 ? "" : ", rssi " + status.RssiDbm.ToString() + " dBm";
            reply.Line(status.WifiConnected ? "wifi: connected, ip " + status.IpAddress + rssi : "wifi: not connected");
            string broker = status.Broker;
            reply.Line(status.MqttConnected
                ? "mqtt: connected to " + broker
                : "mqtt: not connected" + (broker.Length == 0 ? "" : " (broker " + broker + ")"));
            reply.Line(OutboxLine(status));
            reply.Line("uptime: " + ShellText.Duration(status.UptimeMs));
            reply.Line("free memory: " + status.FreeMemoryBytes.ToString() + " bytes");
            reply.Line("firmware: " + status.Version);
            return null;
        }

        /// <summary><c>outbox</c>: the outbox line of <c>status</c>.</summary>
        public static string Outbox(ShellReply reply, ShellStatus status)
        {
            if (reply.Json)
            {
                JsonWriter json = reply.Ok();
                OutboxProperties(json, status);
                reply.End(json);
                return null;
            }

            reply.Line(OutboxLine(status));
            return null;
        }

        /// <summary><c>read</c>: one line a sensor, <c>name: value unit</c> or <c>name: error: why</c>.</summary>
        public static string Read(ShellReply reply, ShellReading[] readings)
        {
            if (reply.Json)
            {
                JsonWriter json = reply.Ok().BeginArray("readings");
                for (int i = 0; i < readings.Length; i++)
                {
                    ShellReading reading = readings[i];
                    json.BeginObject().Property("name", reading.Name);
                    if (reading.Error != null)
                    {
                        json.Property("error", reading.Error);
                    }
                    else
                    {
                        json.Property("value", reading.Value, reading.Decimals).Property("unit", reading.Unit);
                    }

                    json.EndObject();
                }

                reply.End(json.EndArray());
                return null;
            }

            if (readings.Length == 0)
            {
                reply.Line("no sensor configured (set sensor1.kind, sensor1.name and sensor1.pin, then save)");
                return null;
            }

            for (int i = 0; i < readings.Length; i++)
            {
                ShellReading reading = readings[i];
                string value = reading.Error != null
                    ? "error: " + reading.Error
                    : NumberText.Fixed(reading.Value, reading.Decimals) + (reading.Unit.Length == 0 ? "" : " " + reading.Unit);
                reply.Line(reading.Name + ": " + value);
            }

            return null;
        }

        /// <summary><c>wifi scan</c>: the networks, strongest first.</summary>
        public static string Wifi(ShellReply reply, ShellWifiNetwork[] found)
        {
            ShellWifiNetwork[] networks = StrongestFirst(found);
            if (reply.Json)
            {
                JsonWriter json = reply.Ok().BeginArray("networks");
                for (int i = 0; i < networks.Length; i++)
                {
                    json.BeginObject().Property("ssid", networks[i].Ssid).Property("rssi", (long)networks[i].RssiDbm).EndObject();
                }

                reply.End(json.EndArray());
                return null;
            }

            if (networks.Length == 0)
            {
                reply.Line("no network found");
                return null;
            }

            reply.Line(networks.Length.ToString() + (networks.Length == 1 ? " network:" : " networks:"));
            for (int i = 0; i < networks.Length; i++)
            {
                string ssid = networks[i].Ssid.Length == 0 ? "(hidden)" : networks[i].Ssid;
                reply.Line("  " + ShellText.PadRight(networks[i].RssiDbm.ToString() + " dBm", 9) + ssid);
            }

            return null;
        }

        private static string OutboxLine(ShellStatus status)
        {
            string oldest = status.OldestAgeMs < 0 ? "" : " (oldest " + ShellText.Duration(status.OldestAgeMs) + " ago)";
            return "outbox: " + status.OutboxDepth.ToString() + " of " + status.OutboxCapacity.ToString() + " waiting" + oldest
                + ", " + status.Dropped.ToString() + " dropped, " + status.Resent.ToString() + " resent";
        }

        private static void OutboxProperties(JsonWriter json, ShellStatus status)
        {
            json.Property("outbox", (long)status.OutboxDepth).Property("outbox_capacity", (long)status.OutboxCapacity);
            if (status.OldestAgeMs < 0)
            {
                json.PropertyNull("oldest_s");
            }
            else
            {
                json.Property("oldest_s", status.OldestAgeMs / 1000);
            }

            json.Property("dropped", status.Dropped).Property("resent", status.Resent);
        }

        /// <summary>A copy sorted by signal, strongest first; equal signals keep the host's order (insertion sort: no Array.Sort on nanoFramework).</summary>
        private static ShellWifiNetwork[] StrongestFirst(ShellWifiNetwork[] found)
        {
            ShellWifiNetwork[] sorted = new ShellWifiNetwork[found.Length];
            for (int i = 0; i < found.Length; i++)
            {
                ShellWifiNetwork network = found[i];
                int at = i;
                while (at > 0 && sorted[at - 1].RssiDbm < network.RssiDbm)
                {
                    sorted[at] = sorted[at - 1];
                    at--;
                }

                sorted[at] = network;
            }

            return sorted;
        }
    }
}
