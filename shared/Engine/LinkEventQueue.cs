namespace Capteur.Node.Engine
{
    /// <summary>
    /// What the MQTT link reported from its own thread, kept until the engine's network step handles it, so the
    /// engine's state changes on one thread only. Bounded: at most a window of acknowledgements is ever pending, plus
    /// the birth message's; past the bound the oldest report is overwritten and its reading is caught by the
    /// in-flight timeout instead.
    /// </summary>
    internal sealed class LinkEventQueue
    {
        private readonly int[] _ids;
        private readonly bool[] _acknowledged;
        private int _head;
        private int _count;
        private bool _lost;

        /// <summary>A queue for <paramref name="capacity"/> reports.</summary>
        public LinkEventQueue(int capacity)
        {
            _ids = new int[capacity];
            _acknowledged = new bool[capacity];
        }

        /// <summary>Records an acknowledgement (or a failure) of <paramref name="messageId"/>.</summary>
        public void Published(int messageId, bool acknowledged)
        {
            lock (this)
            {
                if (_count == _ids.Length)
                {
                    _head = (_head + 1) % _ids.Length;
                    _count--;
                }

                int i = (_head + _count) % _ids.Length;
                _ids[i] = messageId;
                _acknowledged[i] = acknowledged;
                _count++;
            }
        }

        /// <summary>Records that the connection was lost.</summary>
        public void Lost()
        {
            lock (this)
            {
                _lost = true;
            }
        }

        /// <summary>Takes the oldest report; false when there is none.</summary>
        public bool TryTake(out int messageId, out bool acknowledged)
        {
            lock (this)
            {
                if (_count == 0)
                {
                    messageId = 0;
                    acknowledged = false;
                    return false;
                }

                messageId = _ids[_head];
                acknowledged = _acknowledged[_head];
                _head = (_head + 1) % _ids.Length;
                _count--;
                return true;
            }
        }

        /// <summary>True once after each reported loss.</summary>
        public bool TakeLost()
        {
            lock (this)
            {
                bool lost = _lost;
                _lost = false;
                return lost;
            }
        }
    }
}
