#version 440
// An I420 picture's quad: position in item coordinates, and where it samples the picture.

layout(location = 0) in vec4 vertex; // xy: position, zw: picture coordinate (0..1)
layout(location = 0) out vec2 coord;

layout(std140, binding = 0) uniform Block {
    mat4 matrix; // the scene graph's projection times the item's transform
    float opacity;
};

out gl_PerVertex { vec4 gl_Position; };

void main()
{
    coord = vertex.zw;
    gl_Position = matrix * vec4(vertex.xy, 0.0, 1.0);
}
