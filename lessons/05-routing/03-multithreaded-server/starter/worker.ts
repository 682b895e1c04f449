// TODO: a REP socket connected to inproc://workers that answers until the main thread says "stop".
export {};
