// GATT UUIDs in the full 128-bit lowercase form Web Bluetooth accepts everywhere.
// Sources: PROTOCOLS.md §1 (P-HR, BVP), §2.1 (P-PMD, FST), §3 (IT), §4 (ESP), §5 (MB).

function sig(short: number): string {
  return `0000${short.toString(16).padStart(4, '0')}-0000-1000-8000-00805f9b34fb`;
}

export const HEART_RATE_SERVICE = sig(0x180d);
export const HEART_RATE_MEASUREMENT = sig(0x2a37);
export const BODY_SENSOR_LOCATION = sig(0x2a38);
export const HEART_RATE_CONTROL_POINT = sig(0x2a39);

export const BATTERY_SERVICE = sig(0x180f);
export const BATTERY_LEVEL = sig(0x2a19);

export const DEVICE_INFORMATION_SERVICE = sig(0x180a);
/** Device Information strings a browser may read. Serial Number 0x2A25 is left out: it is on the
 * Web Bluetooth GATT blocklist and reading it throws SecurityError [WB-BL]. */
export const DEVICE_INFORMATION = {
  modelNumber: sig(0x2a24),
  manufacturerName: sig(0x2a29),
  hardwareRevision: sig(0x2a27),
  firmwareRevision: sig(0x2a26),
  softwareRevision: sig(0x2a28),
} as const;
export const SYSTEM_ID = sig(0x2a23);

export const PMD_SERVICE = 'fb005c80-02e7-f387-1cad-8acd2d8df0c8';
export const PMD_CONTROL_POINT = 'fb005c81-02e7-f387-1cad-8acd2d8df0c8';
export const PMD_DATA = 'fb005c82-02e7-f387-1cad-8acd2d8df0c8';

export const INFINITIME_MOTION_SERVICE = '00030000-78fc-48fe-8e23-433b3a1942d0';
export const INFINITIME_STEP_COUNT = '00030001-78fc-48fe-8e23-433b3a1942d0';
export const INFINITIME_MOTION = '00030002-78fc-48fe-8e23-433b3a1942d0';

export const MICROBIT_ACCELEROMETER_SERVICE = 'e95d0753-251d-470a-a062-fa1922dfa9a8';
export const MICROBIT_ACCELEROMETER_DATA = 'e95dca4b-251d-470a-a062-fa1922dfa9a8';
export const MICROBIT_ACCELEROMETER_PERIOD = 'e95dfb24-251d-470a-a062-fa1922dfa9a8';

export const NORDIC_UART_SERVICE = '6e400001-b5a3-f393-e0a9-e50e24dcca9e';
/** Write to the watch (the watch's RX). */
export const NORDIC_UART_RX = '6e400002-b5a3-f393-e0a9-e50e24dcca9e';
/** Notifications from the watch (the watch's TX). */
export const NORDIC_UART_TX = '6e400003-b5a3-f393-e0a9-e50e24dcca9e';
