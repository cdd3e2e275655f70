// Intake has no organisation until matching publishes one. Until these tests start matching and create the demo
// directory through its API, they publish it on the bus as matching would (the demo agency's two organisations,
// Anna and Bram by name), sealed under the directory records' keys, and wait until intake's pages show it.
export { publishDemoDirectory } from '../../services/intake/test/directory.fixture';
