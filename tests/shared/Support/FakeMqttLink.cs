using System.Collections;
using System.Text;
using Capteur.Node.Ports;

namespace Capteur.Node.Tests.Support
{
    /// <summary>One message a <see cref="FakeMqttLink"/> was asked to publish.</summary>
    public sealed class PublishedMessage
    {
        /// <summary>Topic.</summary>
        public string Topic;

        /// <summary>Payload as UTF-8 text.</summary>
        public string Payload;

        /// <summary>QoS asked for.</summary>
        public int Qos;

        /// <summary>Retain flag.</summary>
        public bool Retain;

        /// <summary>Message id returned (0 for QoS 0).</summary>
        public int MessageId;

        /// <summary>True once acknowledged, failed or lost through the fake.</summary>
        public bool Answered;

        /// <summary>True when the fake acknowledged it (the broker has it).</summary>
        public bool Acknowledged;
    }

    /// <summary>
    /// A broker connection under the test's control: it accepts, refuses or cannot reach; it records publishes and
    /// answers them only when told (acknowledge, refuse, or never), and drops the connection on demand.
    /// </summary>
    public sealed class FakeMqttLink : IMqttLink
    {
        private IMqttLinkListener _listener;
        private bool _connected;
        private int _nextId = 1;

        /// <summary>False: Connect returns -1 (network unreachable).</summary>
        public bool Reachable = true;

        /// <summary>Non-zero: Connect returns this CONNACK code.</summary>
        public int RefuseCode;

        /// <summary>True: Publish returns -1.</summary>
        public bool RejectPublishes;

        /// <summary>Every Connect call's options, in order.</summary>
        public readonly ArrayList Connects = new ArrayList();

        /// <summary>Every message published, in order.</summary>
        public readonly ArrayList Published = new ArrayList();

        /// <inheritdoc />
        public void SetListener(IMqttLinkListener listener)
        {
            _listener = listener;
        }

        /// <inheritdoc />
        public int Connect(MqttConnectOptions options)
        {
            Connects.Add(options);
            if (!Reachable)
            {
                return -1;
            }

            if (RefuseCode != 0)
            {
                return RefuseCode;
            }

            _connected = true;
            return 0;
        }

        /// <inheritdoc />
        public string LastError
        {
            get { return Reachable ? (RefuseCode != 0 ? "refused" : "") : "connection refused"; }
        }

        /// <inheritdoc />
        public bool IsConnected
        {
            get { return _connected; }
        }

        /// <inheritdoc />
        public void Disconnect()
        {
            _connected = false;
        }

        /// <inheritdoc />
        public int Publish(string topic, byte[] buffer, int offset, int count, int qos, bool retain)
        {
            if (!_connected || RejectPublishes)
            {
                return -1;
            }

            PublishedMessage message = new PublishedMessage();
            message.Topic = topic;
            message.Payload = Encoding.UTF8.GetString(buffer, offset, count);
            message.Qos = qos;
            message.Retain = retain;
            message.MessageId = qos > 0 ? _nextId++ : 0;
            message.Answered = qos == 0;
            message.Acknowledged = qos == 0;
            if (_nextId > 65535)
            {
                _nextId = 1;
            }

            Published.Add(message);
            return message.MessageId;
        }

        /// <summary>The connection breaks: the node is told, unanswered publishes stay unanswered.</summary>
        public void Drop()
        {
            _connected = false;
            _listener.OnConnectionLost();
        }

        /// <summary>Acknowledges every publish not answered yet; returns how many.</summary>
        public int AcknowledgeAll()
        {
            return AnswerAll(true);
        }

        /// <summary>Refuses every publish not answered yet (the link gave up on them); returns how many.</summary>
        public int RefuseAll()
        {
            return AnswerAll(false);
        }

        /// <summary>Forgets every unanswered publish without telling the node (acknowledgements lost).</summary>
        public void LoseAllAnswers()
        {
            foreach (PublishedMessage message in Published)
            {
                message.Answered = true;
            }
        }

        /// <summary>The messages published on <paramref name="topic"/>.</summary>
        public ArrayList On(string topic)
        {
            ArrayList found = new ArrayList();
            foreach (PublishedMessage message in Published)
            {
                if (message.Topic == topic)
                {
                    found.Add(message);
                }
            }

            return found;
        }

        private int AnswerAll(bool acknowledged)
        {
            int answered = 0;
            foreach (PublishedMessage message in Published)
            {
                if (!message.Answered)
                {
                    message.Answered = true;
                    message.Acknowledged = acknowledged;
                    answered++;
                    _listener.OnPublished(message.MessageId, acknowledged);
                }
            }

            return answered;
        }
    }
}
