/**
 * The API that cloud-process applications compile against. Plain Java, no dependencies: the
 * platform provides the implementations at run time.
 */
package io.praas.sdk;
