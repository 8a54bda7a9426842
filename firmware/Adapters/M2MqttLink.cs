using System;
using Capteur.Node.Ports;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Messages;

namespace Capteur.Firmware.Adapters
{
    /// <summary>
    /// <see cref="IMqttLink"/> over nanoFramework.M2Mqtt 5.1 (MQTT 3.1.1). A new <see cref="MqttClient"/> per
    /// <see cref="Connect"/>, because its constructor resolves the broker name (Wi-Fi must be up by then).
    /// Events of a replaced client are ignored, so a late ConnectionClosed cannot mark the new session lost, and
    /// <see cref="Disconnect"/> detaches them first, so a clean close is not reported as a loss.
    /// </summary>
    internal sealed class M2MqttLink : IMqttLink
    {
        private readonly object _sync = new object();
        private IMqttLinkListener _listener;
        private MqttClient _client;
        private string _lastError = "";

        /// <summary>Why the last <see cref="Connect"/> or <see cref="Publish"/> failed, for the log.</summary>
        public string LastError
        {
            get { return _lastError; }
        }

        /// <inheritdoc />
        public void SetListener(IMqttLinkListener listener)
        {
            _listener = listener;
        }

        /// <inheritdoc />
        public int Connect(MqttConnectOptions options)
        {
            Drop(false);
            MqttClient client;
            try
            {
                // No CA or client certificate yet: MqttConnectOptions carries none.
                client = new MqttClient(options.Host, options.Port, options.Tls, null, null,
                    options.Tls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
            }
            catch (Exception e)
            {
                _lastError = "mqtt: cannot resolve " + options.Host + ": " + e.Message;
                return -1;
            }

            // Events count only once the client is _client (after a successful CONNACK): a close during CONNECT is
            // reported through the return value, not as a loss.
            client.MqttMsgPublished += OnPublished;
            client.ConnectionClosed += OnClosed;
            bool hasWill = options.WillTopic.Length > 0;
            MqttReasonCode code;
            try
            {
                code = client.Connect(
                    options.ClientId,
                    options.User.Length > 0 ? options.User : null,
                    options.Password.Length > 0 ? options.Password : null,
                    hasWill && options.WillRetain,
                    (MqttQoSLevel)options.WillQos,
                    hasWill,
                    hasWill ? options.WillTopic : null,
                    hasWill ? options.WillMessage : null,
                    options.CleanSession,
                    (ushort)options.KeepAliveS);
            }
            catch (MqttConnectionException e)
            {
                // The TCP (or TLS) connection itself failed: refused, unreachable, handshake.
                _lastError = "mqtt: " + options.Host + ":" + options.Port.ToString() + " unreachable: " + e.Message;
                Release(client, false);
                return -1;
            }
            catch (Exception)
            {
                // Connected, but no usable CONNACK: mosquitto closes the socket right after a refusing CONNACK and
                // M2Mqtt then reports the closed socket, not the return code; a hung broker that never answers ends in
                // the same MqttCommunicationException once M2Mqtt's connect timeout runs out.
                _lastError = "mqtt: " + options.Host + ":" + options.Port.ToString()
                    + " closed the connection during CONNECT or never answered it; check mqtt.user, mqtt.password and the client id, and that the broker is not hung";
                Release(client, false);
                return -1;
            }

            if (code != MqttReasonCode.Success)
            {
                // For MQTT 3.1.1 the reason code is the CONNACK return code (1..5).
                _lastError = "mqtt: broker refused the connection, CONNACK code " + ((int)code).ToString();
                Release(client, false);
                return (int)code;
            }

            lock (_sync)
            {
                _client = client;
            }

            _lastError = "";
            return 0;
        }

        /// <inheritdoc />
        public bool IsConnected
        {
            get
            {
                MqttClient client = _client;
                return client != null && client.IsConnected;
            }
        }

        /// <inheritdoc />
        public void Disconnect()
        {
            Drop(true);
        }

        /// <inheritdoc />
        public int Publish(string topic, byte[] buffer, int offset, int count, int qos, bool retain)
        {
            MqttClient client = _client;
            if (client == null || !client.IsConnected)
            {
                return -1;
            }

            // M2Mqtt keeps the array in its in-flight queue and encodes it later on its own thread, so it gets a copy.
            byte[] payload = new byte[count];
            Array.Copy(buffer, offset, payload, 0, count);
            try
            {
                // The 6-argument overload is the only one that takes QoS and retain in M2Mqtt 5.1.
                ushort id = client.Publish(topic, payload, null, null, (MqttQoSLevel)qos, retain);
                return qos == 0 ? 0 : id;
            }
            catch (Exception e)
            {
                // MqttClientException when the in-flight queue is full, MqttCommunicationException on a dead socket.
                _lastError = "mqtt: publish to " + topic + " failed: " + e.Message;
                return -1;
            }
        }

        private void Drop(bool sendDisconnect)
        {
            MqttClient client;
            lock (_sync)
            {
                client = _client;
                _client = null;
            }

            if (client != null)
            {
                Release(client, sendDisconnect);
            }
        }

        private void Release(MqttClient client, bool sendDisconnect)
        {
            client.MqttMsgPublished -= OnPublished;
            client.ConnectionClosed -= OnClosed;
            try
            {
                if (sendDisconnect && client.IsConnected)
                {
                    client.Disconnect();
                }
                else
                {
                    client.Close();
                }
            }
            catch (Exception)
            {
                // The socket is already gone; nothing is left to release.
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            IMqttLinkListener listener = _listener;
            if (sender == _client && listener != null)
            {
                listener.OnPublished(e.MessageId, e.IsPublished);
            }
        }

        private void OnClosed(object sender, EventArgs e)
        {
            IMqttLinkListener listener = _listener;
            if (sender == _client && listener != null)
            {
                listener.OnConnectionLost();
            }
        }
    }
}
