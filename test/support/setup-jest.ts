import { Testing } from "cdktf";

// Registers cdktf's toHaveResource* matchers on jest's expect.
Testing.setupJest();
