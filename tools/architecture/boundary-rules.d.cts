// Types for boundary-rules.cjs (a CommonJS module, as dependency-cruiser loads its configuration).
import type { IConfiguration } from 'dependency-cruiser';

/** The folders cruised, where they exist. */
export declare const CRUISED_FOLDERS: string[];
/** Which project types (Nx `type:` tags) may depend on which. */
export declare const ALLOWED_TYPES: Record<string, string[]>;
/** The dependency-cruiser configuration for the workspace at `root`; throws on a project without a known type tag. */
export declare function boundaryConfiguration(root: string): IConfiguration;
