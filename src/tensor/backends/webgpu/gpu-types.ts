// The slice of the WebGPU API this backend uses, declared here so that the build needs neither DOM WebGPU
// types nor the optional `webgpu` package (whose @webgpu/types would otherwise be required). Real GPU objects
// (navigator.gpu, Dawn's) satisfy these interfaces structurally.

/** GPUBufferUsage and GPUMapMode flags (fixed by the WebGPU specification). */
export const BufferUsage = { MAP_READ: 0x1, COPY_SRC: 0x4, COPY_DST: 0x8, UNIFORM: 0x40, STORAGE: 0x80, QUERY_RESOLVE: 0x200 } as const;
export const MapMode = { READ: 0x1 } as const;

export interface GpuLimits {
  readonly maxStorageBufferBindingSize: number;
  readonly maxBufferSize: number;
  readonly maxStorageBuffersPerShaderStage: number;
  readonly maxComputeInvocationsPerWorkgroup: number;
  readonly maxComputeWorkgroupSizeX: number;
  readonly maxComputeWorkgroupSizeY: number;
  readonly maxComputeWorkgroupStorageSize: number;
  readonly minUniformBufferOffsetAlignment: number;
  readonly minStorageBufferOffsetAlignment: number;
}

export interface Gpu {
  /** WGSL language features (e.g. 'subgroup_id'); absent in older implementations. */
  readonly wgslLanguageFeatures?: { has(name: string): boolean };
  requestAdapter(options?: { powerPreference?: 'low-power' | 'high-performance'; featureLevel?: string }): Promise<GpuAdapter | null>;
}

export interface GpuAdapter {
  readonly limits: GpuLimits;
  /** Optional features (e.g. 'shader-f16'). */
  readonly features: { has(name: string): boolean };
  readonly info: { readonly vendor?: string; readonly architecture?: string; readonly device?: string; readonly description?: string };
  readonly featureLevel?: string;
  requestDevice(descriptor: { label?: string; requiredLimits?: Record<string, number>; requiredFeatures?: string[] }): Promise<GpuDevice>;
}

export interface GpuBuffer {
  readonly size: number;
  mapAsync(mode: number, offset?: number, size?: number): Promise<void>;
  getMappedRange(offset?: number, size?: number): ArrayBuffer;
  unmap(): void;
  destroy(): void;
}

export type GpuBindGroup = object;
export type GpuBindGroupLayout = object;
export type GpuShaderModule = object;
export type GpuCommandBuffer = object;

export interface GpuComputePipeline {
  getBindGroupLayout(index: number): GpuBindGroupLayout;
}

export interface GpuBindGroupEntry {
  binding: number;
  resource: { buffer: GpuBuffer; offset?: number; size?: number };
}

export interface GpuComputePassEncoder {
  setPipeline(pipeline: GpuComputePipeline): void;
  setBindGroup(index: number, group: GpuBindGroup): void;
  dispatchWorkgroups(x: number, y?: number, z?: number): void;
  end(): void;
}

/** A set of GPU timestamps (feature 'timestamp-query'). */
export interface GpuQuerySet {
  destroy(): void;
}

export interface GpuComputePassDescriptor {
  timestampWrites?: { querySet: GpuQuerySet; beginningOfPassWriteIndex: number; endOfPassWriteIndex: number };
}

export interface GpuCommandEncoder {
  beginComputePass(descriptor?: GpuComputePassDescriptor): GpuComputePassEncoder;
  resolveQuerySet(querySet: GpuQuerySet, firstQuery: number, queryCount: number, destination: GpuBuffer, destinationOffset: number): void;
  copyBufferToBuffer(source: GpuBuffer, sourceOffset: number, destination: GpuBuffer, destinationOffset: number, size: number): void;
  clearBuffer(buffer: GpuBuffer, offset?: number, size?: number): void;
  finish(): GpuCommandBuffer;
}

export interface GpuQueue {
  writeBuffer(buffer: GpuBuffer, bufferOffset: number, data: ArrayBuffer, dataOffset?: number, size?: number): void;
  submit(commandBuffers: GpuCommandBuffer[]): void;
  onSubmittedWorkDone(): Promise<void>;
}

export interface GpuDevice {
  readonly limits: GpuLimits;
  readonly queue: GpuQueue;
  readonly lost: Promise<{ readonly reason: string; readonly message: string }>;
  createBuffer(descriptor: { label?: string; size: number; usage: number; mappedAtCreation?: boolean }): GpuBuffer;
  createShaderModule(descriptor: { label?: string; code: string }): GpuShaderModule;
  createComputePipeline(descriptor: { label?: string; layout: 'auto'; compute: { module: GpuShaderModule; entryPoint: string } }):
    GpuComputePipeline;
  createBindGroup(descriptor: { layout: GpuBindGroupLayout; entries: GpuBindGroupEntry[] }): GpuBindGroup;
  createCommandEncoder(descriptor?: { label?: string }): GpuCommandEncoder;
  createQuerySet(descriptor: { type: 'timestamp'; count: number }): GpuQuerySet;
  addEventListener(type: 'uncapturederror', listener: (event: { readonly error: { readonly message: string } }) => void): void;
  destroy(): void;
}
